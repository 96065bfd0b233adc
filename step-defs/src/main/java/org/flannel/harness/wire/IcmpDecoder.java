package org.flannel.harness.wire;

import static org.flannel.harness.wire.FieldKind.HEX;
import static org.flannel.harness.wire.FieldKind.NUMBER;

import java.util.Set;

/**
 * ICMP (RFC 792): type, code, checksum and the second word as the type defines it; an error message's quoted
 * datagram is decoded as {@code quoted.ipv4} and {@code quoted.udp}/{@code quoted.tcp}.
 */
final class IcmpDecoder {

    static final int ECHO_REPLY = 0;
    static final int DESTINATION_UNREACHABLE = 3;
    static final int FRAGMENTATION_NEEDED = 4;
    static final int REDIRECT = 5;
    static final int ECHO_REQUEST = 8;
    static final int PARAMETER_PROBLEM = 12;
    private static final Set<Integer> ERRORS = Set.of(DESTINATION_UNREACHABLE, 4, REDIRECT, 11, PARAMETER_PROBLEM);
    private static final Set<Integer> WITH_IDENTIFIER = Set.of(ECHO_REPLY, ECHO_REQUEST, 13, 14, 15, 16, 17, 18);

    private IcmpDecoder() {}

    static void decode(DecodeContext context, Ipv4Packet ip) {
        int s = ip.payloadStart();
        LayerDraft layer = context.newLayer("icmp", s, ip.payloadEnd());
        long type = layer.number("type", s, 8, NUMBER);
        long code = layer.number("code", s + 1, 8, NUMBER);
        long checksum = layer.number("checksum", s + 2, 16, HEX);
        if (type < 0) {
            return;
        }
        secondWord(layer, s + 4, (int) type, code);
        if (checksum >= 0) {
            if (ip.fragment()) {
                layer.checksumUnverifiable("checksum", false, (int) checksum, "fragment: covers other fragments");
            } else if (ip.quoted()) {
                // An ICMP error quotes only the first 8 bytes of the message this checksum covered.
                layer.checksumUnverifiable(
                        "checksum", false, (int) checksum, "quoted by an ICMP error: only its start is there");
            } else if (!layer.has(s, ip.payloadLength())) {
                layer.checksumUnverifiable("checksum", false, (int) checksum, "message not captured whole");
            } else {
                layer.checksum(
                        "checksum",
                        (int) checksum,
                        InternetChecksum.sum(context.bytes(), s, ip.payloadLength()),
                        false);
            }
        }
        if (ERRORS.contains((int) type) && !context.isQuoting() && !ip.fragment() && layer.has(s + 8, 1)) {
            context.startQuote();
            Ipv4Decoder.decode(context, new Dispatch.Region(s + 8, ip.payloadEnd(), false));
        }
    }

    private static void secondWord(LayerDraft layer, int offset, int type, long code) {
        if (WITH_IDENTIFIER.contains(type)) {
            layer.number("identifier", offset, 16, NUMBER);
            layer.number("sequence", offset + 2, 16, NUMBER);
        } else if (type == DESTINATION_UNREACHABLE && code == FRAGMENTATION_NEEDED) {
            layer.number("unused", offset, 16, HEX);
            layer.number("next_hop_mtu", offset + 2, 16, NUMBER); // RFC 1191: what path MTU discovery reads
        } else if (type == REDIRECT) {
            layer.ipv4("gateway", offset);
        } else if (type == PARAMETER_PROBLEM) {
            layer.number("pointer", offset, 8, NUMBER);
            layer.number("unused", offset + 1, 24, HEX);
        } else if (ERRORS.contains(type)) {
            layer.number("unused", offset, 32, HEX);
        } else {
            layer.number("rest_of_header", offset, 32, HEX);
        }
    }
}
