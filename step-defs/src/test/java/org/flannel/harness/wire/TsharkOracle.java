package org.flannel.harness.wire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flannel.harness.wire.TsharkPdml.TField;
import org.flannel.harness.wire.TsharkPdml.TPacket;
import org.flannel.harness.wire.TsharkPdml.TProto;

/**
 * Compares every field the decoder reports with tshark's dissection of the same frame: value, byte position and
 * size, checksum status, and which fields exist at all (a field the decoder marks truncated must be one tshark
 * does not show).
 */
final class TsharkOracle {

    /** How a tshark field relates to one of ours. */
    enum Transform {
        /** Same value. */
        SAME,
        /** tshark counts bytes where the header counts 32-bit words (IHL, TCP data offset). */
        WORDS_TO_BYTES,
        /** tshark shows a boolean for a multi-bit field: compare "non-zero". */
        NON_ZERO,
        /** tshark shows the field as bytes: compare its raw hex as a number. */
        RAW_HEX
    }

    /**
     * @param position whether tshark's byte position is the field's offset
     * @param size     whether tshark's byte size is the field's byte span (tshark widens some bit fields)
     */
    record Mapping(String tshark, Transform transform, boolean position, boolean size) {}

    static final Map<String, String> PROTOCOLS = Map.of(
            "ethernet",
            "eth",
            "ipv4",
            "ip",
            "ipv6",
            "ipv6",
            "udp",
            "udp",
            "tcp",
            "tcp",
            "icmp",
            "icmp",
            "arp",
            "arp",
            "vxlan",
            "vxlan",
            "sll",
            "sll",
            "sll2",
            "sll");
    static final Map<String, Mapping> FIELDS = new HashMap<>();
    static final Map<String, String> CHECKSUM_STATUS = Map.of(
            "ipv4.header_checksum",
            "ip.checksum.status",
            "udp.checksum",
            "udp.checksum.status",
            "tcp.checksum",
            "tcp.checksum.status",
            "icmp.checksum",
            "icmp.checksum.status");

    static {
        direct("ethernet.destination", "eth.dst");
        direct("ethernet.source", "eth.src");
        direct("ethernet.vlan.tpid", "eth.type");
        FIELDS.put("ethernet.vlan.pcp", new Mapping("vlan.priority", Transform.SAME, true, false));
        FIELDS.put("ethernet.vlan.dei", new Mapping("vlan.dei", Transform.SAME, true, false));
        FIELDS.put("ethernet.vlan.id", new Mapping("vlan.id", Transform.SAME, true, false));
        direct("ipv4.version", "ip.version");
        FIELDS.put("ipv4.ihl", new Mapping("ip.hdr_len", Transform.WORDS_TO_BYTES, true, true));
        direct("ipv4.dscp", "ip.dsfield.dscp");
        direct("ipv4.ecn", "ip.dsfield.ecn");
        direct("ipv4.total_length", "ip.len");
        direct("ipv4.identification", "ip.id");
        direct("ipv4.flags", "ip.flags");
        direct("ipv4.flags.reserved", "ip.flags.rb");
        direct("ipv4.flags.df", "ip.flags.df");
        direct("ipv4.flags.mf", "ip.flags.mf");
        direct("ipv4.fragment_offset", "ip.frag_offset");
        direct("ipv4.ttl", "ip.ttl");
        direct("ipv4.protocol", "ip.proto");
        direct("ipv4.header_checksum", "ip.checksum");
        direct("ipv4.source", "ip.src");
        direct("ipv4.destination", "ip.dst");
        direct("udp.source_port", "udp.srcport");
        direct("udp.destination_port", "udp.dstport");
        direct("udp.length", "udp.length");
        direct("udp.checksum", "udp.checksum");
        direct("icmp.type", "icmp.type");
        direct("icmp.code", "icmp.code");
        direct("icmp.checksum", "icmp.checksum");
        direct("icmp.identifier", "icmp.ident");
        direct("icmp.sequence", "icmp.seq");
        FIELDS.put("icmp.unused", new Mapping("icmp.unused", Transform.RAW_HEX, true, true));
        direct("icmp.next_hop_mtu", "icmp.mtu");
        direct("icmp.gateway", "icmp.redir_gw");
        FIELDS.put("icmp.pointer", new Mapping("icmp.pointer", Transform.SAME, true, false));
        direct("tcp.source_port", "tcp.srcport");
        direct("tcp.destination_port", "tcp.dstport");
        direct("tcp.sequence_number", "tcp.seq_raw");
        direct("tcp.acknowledgment_number", "tcp.ack_raw");
        FIELDS.put("tcp.data_offset", new Mapping("tcp.hdr_len", Transform.WORDS_TO_BYTES, true, true));
        direct("tcp.flags", "tcp.flags");
        FIELDS.put("tcp.flags.reserved", new Mapping("tcp.flags.res", Transform.NON_ZERO, true, true));
        direct("tcp.flags.ae", "tcp.flags.ae");
        direct("tcp.flags.cwr", "tcp.flags.cwr");
        direct("tcp.flags.ece", "tcp.flags.ece");
        direct("tcp.flags.urg", "tcp.flags.urg");
        direct("tcp.flags.ack", "tcp.flags.ack");
        direct("tcp.flags.psh", "tcp.flags.push");
        direct("tcp.flags.rst", "tcp.flags.reset");
        direct("tcp.flags.syn", "tcp.flags.syn");
        direct("tcp.flags.fin", "tcp.flags.fin");
        direct("tcp.window", "tcp.window_size_value");
        direct("tcp.checksum", "tcp.checksum");
        direct("tcp.urgent_pointer", "tcp.urgent_pointer");
        direct("tcp.options", "tcp.options");
        direct("arp.hardware_type", "arp.hw.type");
        direct("arp.protocol_type", "arp.proto.type");
        direct("arp.hardware_size", "arp.hw.size");
        direct("arp.protocol_size", "arp.proto.size");
        direct("arp.opcode", "arp.opcode");
        direct("arp.sender_mac", "arp.src.hw_mac");
        direct("arp.sender_ip", "arp.src.proto_ipv4");
        direct("arp.target_mac", "arp.dst.hw_mac");
        direct("arp.target_ip", "arp.dst.proto_ipv4");
        direct("ipv6.version", "ipv6.version");
        FIELDS.put("ipv6.traffic_class", new Mapping("ipv6.tclass", Transform.SAME, true, false));
        FIELDS.put("ipv6.flow_label", new Mapping("ipv6.flow", Transform.SAME, false, false));
        direct("ipv6.payload_length", "ipv6.plen");
        direct("ipv6.next_header", "ipv6.nxt");
        direct("ipv6.hop_limit", "ipv6.hlim");
        direct("ipv6.source", "ipv6.src");
        direct("ipv6.destination", "ipv6.dst");
        direct("sll.packet_type", "sll.pkttype");
        direct("sll.arphrd_type", "sll.hatype");
        direct("sll.address_length", "sll.halen");
        direct("sll.address", "sll.src.eth");
        direct("sll.protocol", "sll.etype");
        direct("sll2.protocol", "sll.etype");
        direct("sll2.interface_index", "sll.ifindex");
        direct("sll2.arphrd_type", "sll.hatype");
        direct("sll2.packet_type", "sll.pkttype");
        direct("sll2.address_length", "sll.halen");
        direct("sll2.address", "sll.src.eth");
    }

    private static void direct(String ours, String theirs) {
        FIELDS.put(ours, new Mapping(theirs, Transform.SAME, true, true));
    }

    /** What one comparison found. */
    static final class Report {
        final List<String> mismatches = new ArrayList<>();
        /** Our field (protocol.field) to how many times tshark agreed on its value. */
        final Map<String, Integer> agreedValues = new TreeMap<>();

        final Map<String, Integer> agreedPositions = new TreeMap<>();
        final Map<String, Integer> agreedChecksumStatus = new TreeMap<>();
        final Map<String, Integer> agreedTruncated = new TreeMap<>();
        final Map<String, Integer> partialLayersTsharkSkips = new TreeMap<>();
        final Map<String, Integer> shownOnlyByDecoder = new TreeMap<>();
        final TreeSet<String> notCompared = new TreeSet<>();
        int frames;

        void add(Report other) {
            mismatches.addAll(other.mismatches);
            other.agreedValues.forEach((key, count) -> agreedValues.merge(key, count, Integer::sum));
            other.agreedPositions.forEach((key, count) -> agreedPositions.merge(key, count, Integer::sum));
            other.agreedChecksumStatus.forEach((key, count) -> agreedChecksumStatus.merge(key, count, Integer::sum));
            other.agreedTruncated.forEach((key, count) -> agreedTruncated.merge(key, count, Integer::sum));
            other.partialLayersTsharkSkips.forEach(
                    (key, count) -> partialLayersTsharkSkips.merge(key, count, Integer::sum));
            other.shownOnlyByDecoder.forEach((key, count) -> shownOnlyByDecoder.merge(key, count, Integer::sum));
            notCompared.addAll(other.notCompared);
            frames += other.frames;
        }

        String summary() {
            return frames + " frames; values agreed " + agreedValues
                    + "\npositions agreed " + agreedPositions
                    + "\nchecksum status agreed " + agreedChecksumStatus + "\ntruncation agreed " + agreedTruncated
                    + "\npartial headers tshark does not show " + partialLayersTsharkSkips
                    + "\ncaptured fields of a cut header that tshark stops before " + shownOnlyByDecoder
                    + "\nnot compared " + notCompared + "\nmismatches " + mismatches.size()
                    + (mismatches.isEmpty() ? "" : ":\n  " + String.join("\n  ", mismatches));
        }
    }

    private TsharkOracle() {}

    static Report compare(String capture, List<Frame> frames, List<TPacket> packets) {
        Report report = new Report();
        if (frames.size() != packets.size()) {
            report.mismatches.add(capture + ": " + frames.size() + " frames decoded, tshark shows " + packets.size());
            return report;
        }
        for (int i = 0; i < frames.size(); i++) {
            compareFrame(capture + " #" + (i + 1), frames.get(i), packets.get(i), report);
            report.frames++;
        }
        return report;
    }

    private static void compareFrame(String where, Frame frame, TPacket packet, Report report) {
        TProto meta = packet.proto("frame").orElseThrow();
        expect(report, where, "frame.len", Integer.toString(frame.originalLength()), show(meta, "frame.len"));
        expect(report, where, "frame.cap_len", Integer.toString(frame.capturedLength()), show(meta, "frame.cap_len"));
        BigDecimal epoch = BigDecimal.valueOf(frame.timestamp().getEpochSecond())
                .add(BigDecimal.valueOf(frame.timestamp().getNano(), 9));
        expect(
                report,
                where,
                "frame.time_epoch",
                epoch.toPlainString(),
                new BigDecimal(show(meta, "frame.time_epoch")).setScale(9).toPlainString());

        Map<String, Integer> used = new HashMap<>();
        for (Layer layer : frame.layers()) {
            String theirName = PROTOCOLS.get(layer.protocol());
            if (theirName == null) {
                report.mismatches.add(where + ": layer " + layer.name() + " has no tshark counterpart");
                continue;
            }
            int occurrence = used.merge(theirName, 1, Integer::sum) - 1;
            List<TProto> theirs = packet.all(theirName);
            if (occurrence >= theirs.size()) {
                boolean partial = layer.fields().stream().anyMatch(Field::isTruncated);
                if (partial) {
                    // tshark shows no protocol at all for a header cut short (e.g. 10 bytes of Ethernet)
                    report.partialLayersTsharkSkips.merge(layer.protocol(), 1, Integer::sum);
                } else {
                    report.mismatches.add(
                            where + ": tshark has no " + (occurrence + 1) + ". " + theirName + " for " + layer.name());
                }
                continue;
            }
            TProto proto = theirs.get(occurrence);
            Optional<TProto> vlan = Optional.empty();
            boolean tagged = frame.value(layer.name() + ".vlan").orElse("").equals("present");
            if (layer.protocol().equals("ethernet") && tagged) {
                int vlanOccurrence = used.merge("vlan", 1, Integer::sum) - 1;
                List<TProto> vlans = packet.all("vlan");
                vlan = vlanOccurrence < vlans.size() ? Optional.of(vlans.get(vlanOccurrence)) : Optional.empty();
            }
            boolean tsharkSaysShort =
                    frame.isTruncated() && packet.proto("_ws.short").isPresent();
            compareLayer(where, frame, layer, proto, vlan, tsharkSaysShort, report);
        }
        for (String theirName : List.of("eth", "ip", "udp", "tcp", "icmp", "arp", "vxlan", "vlan")) {
            int ours = used.getOrDefault(theirName, 0);
            if (packet.all(theirName).size() > ours) {
                report.mismatches.add(where + ": tshark shows "
                        + packet.all(theirName).size() + " " + theirName + " but the decoder " + ours);
            }
        }
    }

    private static void compareLayer(
            String where,
            Frame frame,
            Layer layer,
            TProto proto,
            Optional<TProto> vlan,
            boolean tsharkSaysShort,
            Report report) {
        String prefix = layer.name() + ".";
        boolean shortHeader = tsharkSaysShort && layer.fields().stream().anyMatch(Field::isTruncated);
        for (Field field : layer.fields()) {
            String relative = layer.protocol() + "." + field.name().substring(prefix.length());
            if (layer.protocol().equals("vxlan")) {
                compareVxlan(where, field, relative, proto, report);
                continue;
            }
            if (relative.equals("ethernet.vlan")) {
                boolean theirs = vlan.isPresent();
                expectAgreed(
                        report,
                        where,
                        field,
                        relative,
                        field.value().equals("present") == theirs,
                        "tshark vlan proto " + (theirs ? "present" : "absent"));
                continue;
            }
            if (relative.equals("ethernet.ethertype")) {
                String theirName = vlan.isPresent() ? "vlan.etype" : "eth.type";
                TProto source = vlan.orElse(proto);
                compareField(
                        where,
                        field,
                        relative,
                        source,
                        new Mapping(theirName, Transform.SAME, true, true),
                        shortHeader,
                        report);
                continue;
            }
            Mapping mapping = FIELDS.get(relative);
            if (mapping == null) {
                report.notCompared.add(relative);
                continue;
            }
            TProto source = mapping.tshark().startsWith("vlan.") ? vlan.orElse(proto) : proto;
            compareField(where, field, relative, source, mapping, shortHeader, report);
        }
        for (Map.Entry<String, ChecksumStatus> checksum : frame.checksums().entrySet()) {
            if (!checksum.getKey().startsWith(prefix)) {
                continue;
            }
            String relative = layer.protocol() + "." + checksum.getKey().substring(prefix.length());
            String statusField = CHECKSUM_STATUS.get(relative);
            String theirs = proto.field(statusField).map(TField::show).orElse("(none)");
            String ours =
                    switch (checksum.getValue()) {
                        case BAD -> "0";
                        case GOOD -> "1";
                        case UNVERIFIABLE -> "2";
                        case ZERO -> "3";
                    };
            if (ours.equals(theirs)) {
                report.agreedChecksumStatus.merge(relative, 1, Integer::sum);
            } else {
                report.mismatches.add(where + ": " + checksum.getKey() + " status " + checksum.getValue() + " (" + ours
                        + ") but tshark " + statusField + " = " + theirs);
            }
        }
    }

    private static void compareField(
            String where,
            Field field,
            String relative,
            TProto proto,
            Mapping mapping,
            boolean gaveUpOnShortHeader,
            Report report) {
        Optional<TField> theirs = proto.field(mapping.tshark());
        if (field.isTruncated()) {
            if (theirs.isPresent()) {
                report.mismatches.add(where + ": " + field.name() + " is truncated but tshark shows " + mapping.tshark()
                        + " = " + theirs.get().show());
            } else {
                report.agreedTruncated.merge(relative, 1, Integer::sum);
            }
            return;
        }
        if (theirs.isEmpty()) {
            if (gaveUpOnShortHeader) {
                // tshark stops a header cut short at the first field it cannot complete (TCP shows only the ports
                // of a 12-byte header); the decoder keeps every field whose bytes were captured.
                report.shownOnlyByDecoder.merge(relative, 1, Integer::sum);
            } else {
                report.mismatches.add(
                        where + ": " + field.name() + " = " + field.value() + " but tshark has no " + mapping.tshark());
            }
            return;
        }
        TField their = theirs.get();
        expectAgreed(
                report,
                where,
                field,
                relative,
                sameValue(field, their, mapping.transform()),
                mapping.tshark() + " = " + their.show());
        if (mapping.position()) {
            boolean samePosition =
                    their.pos() == field.offset() && (!mapping.size() || their.size() == field.byteSpan());
            if (samePosition) {
                report.agreedPositions.merge(relative, 1, Integer::sum);
            } else {
                report.mismatches.add(where + ": " + field.name() + " at " + field.offset() + " (" + field.byteSpan()
                        + " bytes) but tshark " + mapping.tshark() + " at " + their.pos() + " (" + their.size()
                        + " bytes)");
            }
        }
    }

    /** VXLAN: Wireshark shows 16 flag bits and a 16-bit group policy ID where RFC 7348 has 8 flags + 24 reserved. */
    private static void compareVxlan(String where, Field field, String relative, TProto proto, Report report) {
        Optional<Long> flags16 = proto.field("vxlan.flags").map(f -> number(f.show()));
        Optional<Long> gbp = proto.field("vxlan.gbp").map(f -> number(f.show()));
        Optional<Long> theirs =
                switch (relative) {
                    case "vxlan.flags" -> flags16.map(flags -> flags >>> 8);
                    case "vxlan.i_flag" -> proto.field("vxlan.flag_i").map(f -> number(f.show()));
                    case "vxlan.reserved_flags" -> flags16.map(flags -> (flags >>> 8) & 0xf7);
                    case "vxlan.reserved1" ->
                        flags16.flatMap(flags -> gbp.map(policy -> ((flags & 0xff) << 16) | policy));
                    case "vxlan.vni" -> proto.field("vxlan.vni").map(f -> number(f.show()));
                    case "vxlan.reserved2" -> proto.field("vxlan.reserved8").map(f -> number(f.show()));
                    default -> Optional.empty();
                };
        if (field.isTruncated()) {
            if (theirs.isEmpty()) {
                report.agreedTruncated.merge(relative, 1, Integer::sum);
            } else {
                report.mismatches.add(where + ": " + field.name() + " is truncated but tshark shows " + theirs.get());
            }
            return;
        }
        if (theirs.isEmpty()) {
            report.mismatches.add(where + ": tshark has nothing for " + field.name());
            return;
        }
        expectAgreed(report, where, field, relative, theirs.get() == field.number(), "tshark " + theirs.get());
        Optional<TField> positioned =
                switch (relative) {
                    case "vxlan.flags", "vxlan.reserved_flags" -> proto.field("vxlan.flags");
                    case "vxlan.i_flag" -> proto.field("vxlan.flag_i");
                    case "vxlan.vni" -> proto.field("vxlan.vni");
                    case "vxlan.reserved2" -> proto.field("vxlan.reserved8");
                    default -> Optional.empty();
                };
        positioned.ifPresent(their -> {
            boolean exact = relative.equals("vxlan.vni") || relative.equals("vxlan.reserved2");
            if (their.pos() == field.offset() && (!exact || their.size() == field.byteSpan())) {
                report.agreedPositions.merge(relative, 1, Integer::sum);
            } else {
                report.mismatches.add(where + ": " + field.name() + " at " + field.offset() + " but tshark at "
                        + their.pos() + " (" + their.size() + " bytes)");
            }
        });
    }

    private static boolean sameValue(Field field, TField their, Transform transform) {
        String show = their.show();
        return switch (transform) {
            case WORDS_TO_BYTES -> field.number() * 4 == number(show);
            case NON_ZERO -> (field.number() != 0) == (number(show) != 0);
            case RAW_HEX -> field.number() == Long.parseLong(their.value(), 16);
            case SAME ->
                switch (field.kind()) {
                    case NUMBER, HEX, BIT -> field.number() == number(show);
                    case MAC, IPV4, IPV6 -> field.value().equalsIgnoreCase(show);
                    case BYTES -> hexDigits(field.value()).equals(hexDigits(show.isEmpty() ? their.value() : show));
                    default -> false;
                };
        };
    }

    private static void expectAgreed(
            Report report, String where, Field field, String relative, boolean agreed, String theirs) {
        if (agreed) {
            report.agreedValues.merge(relative, 1, Integer::sum);
        } else {
            report.mismatches.add(where + ": " + field.name() + " = " + field.value() + " but " + theirs);
        }
    }

    private static void expect(Report report, String where, String what, String ours, String theirs) {
        if (ours.equals(theirs)) {
            report.agreedValues.merge(what, 1, Integer::sum);
        } else {
            report.mismatches.add(where + ": " + what + " " + ours + " but tshark " + theirs);
        }
    }

    private static String show(TProto proto, String field) {
        return proto.field(field).map(TField::show).orElse("(none)");
    }

    private static long number(String show) {
        String lower = show.toLowerCase(Locale.ROOT);
        if (lower.equals("true")) {
            return 1;
        }
        if (lower.equals("false")) {
            return 0;
        }
        return lower.startsWith("0x") ? Long.parseUnsignedLong(lower.substring(2), 16) : Long.parseLong(lower);
    }

    private static String hexDigits(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-f]", "");
    }
}
