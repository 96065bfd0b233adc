package org.flannel.harness.wire;

import static org.flannel.harness.wire.FieldKind.BIT;
import static org.flannel.harness.wire.FieldKind.HEX;
import static org.flannel.harness.wire.FieldKind.NUMBER;

/** TCP (RFC 9293) header fields and checksum; options are kept as bytes. */
final class TcpDecoder {

    private TcpDecoder() {}

    static void decode(DecodeContext context, Ipv4Packet ip) {
        int s = ip.payloadStart();
        LayerDraft layer = context.newLayer("tcp", s, ip.payloadEnd());
        layer.number("source_port", s, 16, NUMBER);
        layer.number("destination_port", s + 2, 16, NUMBER);
        layer.number("sequence_number", s + 4, 32, NUMBER);
        layer.number("acknowledgment_number", s + 8, 32, NUMBER);
        long dataOffset = layer.number("data_offset", s + 12, 0, 4, NUMBER);
        layer.number("flags", s + 12, 4, 12, HEX);
        long reserved = layer.number("flags.reserved", s + 12, 4, 3, HEX);
        layer.number("flags.ae", s + 12, 7, 1, BIT);
        String[] names = {"cwr", "ece", "urg", "ack", "psh", "rst", "syn", "fin"};
        for (int bit = 0; bit < names.length; bit++) {
            layer.number("flags." + names[bit], s + 13, bit, 1, BIT);
        }
        layer.number("window", s + 14, 16, NUMBER);
        long checksum = layer.number("checksum", s + 16, 16, HEX);
        layer.number("urgent_pointer", s + 18, 16, NUMBER);
        if (dataOffset > 5) {
            layer.bytes("options", s + 20, (int) (dataOffset - 5) * 4);
        }

        if (dataOffset >= 0 && !ip.quoted()) {
            layer.check(
                    "data_offset",
                    "consistent",
                    ">= 5 and <= " + ip.payloadLength() / 4,
                    Long.toString(dataOffset),
                    dataOffset >= 5 && dataOffset * 4 <= ip.payloadLength());
        }
        layer.mustBeZero("flags.reserved", reserved, 3);
        if (checksum < 0) {
            return;
        }
        if (ip.fragment()) {
            layer.checksumUnverifiable("checksum", false, (int) checksum, "fragment: covers other fragments");
        } else if (!layer.has(s, ip.payloadLength())) {
            layer.checksumUnverifiable("checksum", false, (int) checksum, "segment not captured whole");
        } else {
            long sum = InternetChecksum.ipv4PseudoHeaderSum(
                            context.bytes(), ip.start(), Dispatch.PROTOCOL_TCP, ip.payloadLength())
                    + InternetChecksum.sum(context.bytes(), s, ip.payloadLength());
            layer.checksum("checksum", (int) checksum, sum, false);
        }
    }
}
