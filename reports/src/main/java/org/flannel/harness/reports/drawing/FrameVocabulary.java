package org.flannel.harness.reports.drawing;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.flannel.harness.contracts.evidence.DecodedFrame;

/**
 * The words a person reads on a frame diagram: the seed's names for headers and fields, its comments, and
 * what a few well-known values mean (protocol 17 is UDP, port 8472 is VXLAN).
 */
public final class FrameVocabulary {
    private static final Map<String, String> PROTOCOLS = Map.of(
            "ethernet",
            "Ethernet",
            "ipv4",
            "IPv4",
            "ipv6",
            "IPv6",
            "udp",
            "UDP",
            "tcp",
            "TCP",
            "icmp",
            "ICMP",
            "vxlan",
            "VXLAN",
            "arp",
            "ARP",
            "sll",
            "Linux cooked");

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("ethernet.destination", "Destination MAC Address"),
            Map.entry("ethernet.source", "Source MAC Address"),
            Map.entry("ethernet.ethertype", "Ethertype"),
            Map.entry("ethernet.vlan.tpid", "OptnlEthtype = C-Tag 802.1Q"),
            Map.entry("ethernet.vlan.pcp", "PCP"),
            Map.entry("ethernet.vlan.dei", "DEI"),
            Map.entry("ethernet.vlan.id", "VLAN ID"),
            Map.entry("ipv4.version", "Version"),
            Map.entry("ipv4.ihl", "IHL"),
            Map.entry("ipv4.dscp", "DSCP"),
            Map.entry("ipv4.ecn", "ECN"),
            Map.entry("ipv4.total_length", "Total Length"),
            Map.entry("ipv4.identification", "Identification"),
            Map.entry("ipv4.flags.reserved", "R"),
            Map.entry("ipv4.flags.df", "DF"),
            Map.entry("ipv4.flags.mf", "MF"),
            Map.entry("ipv4.fragment_offset", "Fragment Offset"),
            Map.entry("ipv4.ttl", "Time to Live"),
            Map.entry("ipv4.protocol", "Protocol"),
            Map.entry("ipv4.header_checksum", "Header Checksum"),
            Map.entry("ipv4.source", "Source IPv4 Address"),
            Map.entry("ipv4.destination", "Destination IPv4 Address"),
            Map.entry("ipv4.options", "Options"),
            Map.entry("udp.source_port", "Source Port"),
            Map.entry("udp.destination_port", "Dest Port"),
            Map.entry("udp.length", "UDP Length"),
            Map.entry("udp.checksum", "UDP Checksum"),
            Map.entry("vxlan.i_flag", "I"),
            Map.entry("vxlan.reserved1", "Reserved"),
            Map.entry("vxlan.vni", "VXLAN Network Identifier (VNI)"),
            Map.entry("vxlan.reserved2", "Reserved"),
            Map.entry("icmp.type", "Type"),
            Map.entry("icmp.code", "Code"),
            Map.entry("icmp.checksum", "Checksum"),
            Map.entry("icmp.identifier", "Identifier"),
            Map.entry("icmp.sequence", "Sequence Number"),
            Map.entry("tcp.source_port", "Source Port"),
            Map.entry("tcp.destination_port", "Destination Port"),
            Map.entry("tcp.sequence_number", "Sequence Number"),
            Map.entry("tcp.acknowledgment_number", "Acknowledgment Number"),
            Map.entry("tcp.data_offset", "Data Offset"),
            Map.entry("tcp.window", "Window"),
            Map.entry("tcp.checksum", "Checksum"),
            Map.entry("tcp.urgent_pointer", "Urgent Pointer"));

    private FrameVocabulary() {}

    /** The layer name without its outer/inner/quoted words: {@code ipv4} for {@code outer.ipv4}. */
    static String protocolOf(String layerName) {
        String[] parts = layerName.split("\\.");
        return parts[parts.length - 1];
    }

    /** The seed's title for a header: "Outer IPv4 Header", "VXLAN Header", "Payload: the original IPv4 packet". */
    public static String title(DecodedFrame frame, DecodedFrame.Layer layer) {
        String protocol =
                PROTOCOLS.getOrDefault(layer.protocol(), layer.protocol().toUpperCase(Locale.ROOT));
        boolean vxlan = frame.layer("vxlan").isPresent();
        if (layer.name().startsWith("outer.")) {
            return "Outer " + protocol + " Header";
        }
        if (layer.name().startsWith("inner.")) {
            if (vxlan && layer.protocol().equals("ethernet")) {
                return "Inner Ethernet Header";
            }
            if (layer.protocol().equals("ipv4") || layer.protocol().equals("ipv6")) {
                return vxlan
                        ? "Payload: the original " + protocol + " packet (the pods')"
                        : "Payload: the pods' " + protocol + " packet, as flanneld read it from flannel0";
            }
            return "Payload: its " + protocol + " header";
        }
        if (layer.name().contains("quoted.")) {
            return "Quoted " + protocol + " header (inside the ICMP error)";
        }
        return protocol + " Header";
    }

    /** The seed's comment on a header, Chinese and English, when it has one. */
    public static Optional<String[]> seedComment(DecodedFrame frame, DecodedFrame.Layer layer) {
        if (frame.layer("vxlan").isEmpty()) {
            return Optional.empty();
        }
        return switch (layer.name()) {
            case "outer.ipv4" ->
                Optional.of(new String[] {"#目的ip由flannel维护", "the destination IP is maintained by flannel"});
            case "inner.ethernet" ->
                Optional.of(new String[] {
                    "#目的mac为flannel配置的网关地址的mac，由flannel下放到各个node上",
                    "the destination MAC is the MAC of the gateway address configured by flannel, pushed by flannel to every node"
                });
            default -> Optional.empty();
        };
    }

    /** A field's label: the seed's words ("Outer Destination MAC Address"), else its name made readable. */
    public static String label(DecodedFrame.Layer layer, DecodedFrame.Field field) {
        String shortName = field.shortName(layer.name());
        String label = FIELDS.get(layer.protocol() + "." + shortName);
        if (label == null) {
            label = shortName.replace('_', ' ').replace('.', ' ');
            label = label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
        }
        if (layer.protocol().equals("ethernet") && label.endsWith("MAC Address")) {
            if (layer.name().startsWith("outer.")) {
                return "Outer " + label;
            }
            if (layer.name().startsWith("inner.")) {
                return "Inner " + label;
            }
        }
        return label;
    }

    /** What a value means, when it is a well-known one: "UDP" for protocol 17, "VXLAN" for port 8472. */
    public static Optional<String> meaning(DecodedFrame.Layer layer, DecodedFrame.Field field) {
        String shortName = field.shortName(layer.name());
        String value = field.value();
        String key = layer.protocol() + "." + shortName;
        return Optional.ofNullable(
                switch (key) {
                    case "ipv4.protocol" ->
                        switch (value) {
                            case "1" -> "ICMP";
                            case "6" -> "TCP";
                            case "17" -> "UDP";
                            default -> null;
                        };
                    case "ethernet.ethertype" ->
                        switch (value) {
                            case "0x0800" -> "IPv4";
                            case "0x0806" -> "ARP";
                            case "0x86dd" -> "IPv6";
                            default -> null;
                        };
                    case "udp.destination_port", "udp.source_port" ->
                        switch (value) {
                            case "8472" -> "VXLAN, Flannel's port";
                            case "4789" -> "VXLAN, IANA's port";
                            case "8285" -> "Flannel's udp backend";
                            default -> null;
                        };
                    case "icmp.type" ->
                        switch (value) {
                            case "0" -> "echo reply";
                            case "3" -> "destination unreachable";
                            case "8" -> "echo request";
                            case "11" -> "time exceeded";
                            default -> null;
                        };
                    case "ipv4.flags.df" -> "1".equals(value) ? "don't fragment" : null;
                    default -> null;
                });
    }
}
