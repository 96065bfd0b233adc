package org.flannel.harness.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every field name the decoder can produce, per protocol, so that a table row naming a field that does not
 * exist (a typo, a field of another protocol) is refused with the list of real names instead of failing as a
 * mismatch. A unit test keeps this list and the decoders in step.
 */
public final class FieldCatalog {

    private static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put(
                "ethernet",
                List.of("destination", "source", "vlan", "vlan.tpid", "vlan.pcp", "vlan.dei", "vlan.id", "ethertype"));
        FIELDS.put(
                "ipv4",
                List.of(
                        "version",
                        "ihl",
                        "dscp",
                        "ecn",
                        "total_length",
                        "identification",
                        "flags",
                        "flags.reserved",
                        "flags.df",
                        "flags.mf",
                        "fragment_offset",
                        "ttl",
                        "protocol",
                        "header_checksum",
                        "source",
                        "destination",
                        "options"));
        FIELDS.put("udp", List.of("source_port", "destination_port", "length", "checksum"));
        FIELDS.put("vxlan", List.of("flags", "i_flag", "reserved_flags", "reserved1", "vni", "reserved2"));
        FIELDS.put(
                "icmp",
                List.of(
                        "type",
                        "code",
                        "checksum",
                        "identifier",
                        "sequence",
                        "unused",
                        "next_hop_mtu",
                        "gateway",
                        "pointer",
                        "rest_of_header"));
        FIELDS.put(
                "tcp",
                List.of(
                        "source_port",
                        "destination_port",
                        "sequence_number",
                        "acknowledgment_number",
                        "data_offset",
                        "flags",
                        "flags.reserved",
                        "flags.ae",
                        "flags.cwr",
                        "flags.ece",
                        "flags.urg",
                        "flags.ack",
                        "flags.psh",
                        "flags.rst",
                        "flags.syn",
                        "flags.fin",
                        "window",
                        "checksum",
                        "urgent_pointer",
                        "options"));
        FIELDS.put(
                "arp",
                List.of(
                        "hardware_type",
                        "protocol_type",
                        "hardware_size",
                        "protocol_size",
                        "opcode",
                        "sender_mac",
                        "sender_ip",
                        "target_mac",
                        "target_ip"));
        FIELDS.put(
                "ipv6",
                List.of(
                        "version",
                        "traffic_class",
                        "flow_label",
                        "payload_length",
                        "next_header",
                        "hop_limit",
                        "source",
                        "destination"));
        FIELDS.put("sll", List.of("packet_type", "arphrd_type", "address_length", "address", "protocol"));
        FIELDS.put(
                "sll2",
                List.of(
                        "protocol",
                        "reserved",
                        "interface_index",
                        "arphrd_type",
                        "packet_type",
                        "address_length",
                        "address"));
    }

    private FieldCatalog() {}

    /** Protocol name to its field names (relative to the layer), in wire order. */
    public static Map<String, List<String>> fieldsByProtocol() {
        return java.util.Collections.unmodifiableMap(FIELDS);
    }

    /**
     * Checks a full field name: an optional {@code outer.}/{@code inner.}, an optional {@code quoted.}, a
     * protocol, and one of its fields. Returns why it is wrong, or empty when it is a real name.
     */
    public static Optional<String> problemWith(String fullName) {
        String layer = Layer.layerOf(fullName);
        String[] words = layer.split("\\.");
        String protocol = words[words.length - 1];
        List<String> fields = FIELDS.get(protocol);
        if (fields == null) {
            return Optional.of("unknown layer '" + layer + "' in field '" + fullName + "'; protocols: "
                    + String.join(", ", FIELDS.keySet()) + " (prefixed outer./inner. when the frame carries another"
                    + " frame)");
        }
        if (protocol.equals("vxlan") && words.length > 1) {
            return Optional.of("'" + layer + "': the VXLAN header is named just 'vxlan'");
        }
        String field = fullName.length() > layer.length() ? fullName.substring(layer.length() + 1) : "";
        if (!fields.contains(field)) {
            return Optional.of("unknown field '" + field + "' of " + protocol + " in '" + fullName + "'; " + protocol
                    + " fields: " + String.join(", ", fields));
        }
        return Optional.empty();
    }
}
