package org.flannel.harness.wire;

import static org.flannel.harness.wire.FieldKind.BIT;
import static org.flannel.harness.wire.FieldKind.HEX;
import static org.flannel.harness.wire.FieldKind.NUMBER;

/** IPv4 (RFC 791): the header, its checksum, and whether its total length agrees with the bytes around it. */
final class Ipv4Decoder {

    private Ipv4Decoder() {}

    static void decode(DecodeContext context, Dispatch.Region region) {
        int s = region.start();
        LayerDraft layer = context.newLayer("ipv4", s, region.end());
        long version = layer.number("version", s, 0, 4, NUMBER);
        long ihl = layer.number("ihl", s, 4, 4, NUMBER);
        layer.number("dscp", s + 1, 0, 6, NUMBER);
        layer.number("ecn", s + 1, 6, 2, NUMBER);
        long totalLength = layer.number("total_length", s + 2, 16, NUMBER);
        layer.number("identification", s + 4, 16, HEX);
        layer.number("flags", s + 6, 0, 3, HEX);
        long reserved = layer.number("flags.reserved", s + 6, 0, 1, BIT);
        layer.number("flags.df", s + 6, 1, 1, BIT);
        long moreFragments = layer.number("flags.mf", s + 6, 2, 1, BIT);
        long fragmentOffset = layer.number("fragment_offset", s + 6, 3, 13, NUMBER);
        layer.number("ttl", s + 8, 8, NUMBER);
        long protocol = layer.number("protocol", s + 9, 8, NUMBER);
        long checksum = layer.number("header_checksum", s + 10, 16, HEX);
        layer.ipv4("source", s + 12);
        layer.ipv4("destination", s + 16);
        if (ihl > 5) {
            layer.bytes("options", s + 20, (int) (ihl - 5) * 4);
        }

        if (version >= 0) {
            layer.check("version", "= 4", "4", Long.toString(version), version == 4);
        }
        if (ihl < 0) {
            return;
        }
        int headerLength = (int) ihl * 4;
        layer.check("ihl", ">= 5", ">= 5", Long.toString(ihl), ihl >= 5);
        layer.mustBeZero("flags.reserved", reserved, 1);
        if (checksum >= 0) {
            if (ihl >= 5 && layer.has(s, headerLength)) {
                long sum = InternetChecksum.sum(context.bytes(), s, headerLength);
                layer.checksum("header_checksum", (int) checksum, sum, false);
            } else {
                layer.checksumUnverifiable("header_checksum", false, (int) checksum, "header not captured");
            }
        }
        if (totalLength < 0 || ihl < 5) {
            return;
        }
        boolean lengthFits = checkTotalLength(layer, region, totalLength, headerLength);
        int payloadEnd = lengthFits ? s + (int) totalLength : region.end();
        if (payloadEnd < s + headerLength || protocol < 0 || fragmentOffset < 0 || fragmentOffset > 0) {
            return; // a later fragment: its payload does not start with a transport header
        }
        boolean fragment = moreFragments == 1;
        Dispatch.ipv4Payload(
                context, new Ipv4Packet(s, s + headerLength, payloadEnd, (int) protocol, fragment, layer.quoted));
    }

    /** Records the total-length rule; returns whether the total length fits inside the enclosing region. */
    private static boolean checkTotalLength(
            LayerDraft layer, Dispatch.Region region, long totalLength, int headerLength) {
        int available = region.end() - region.start();
        boolean fits = totalLength >= headerLength && totalLength <= available;
        if (layer.quoted) {
            return fits; // an ICMP error quotes only the start of the datagram: no length rule
        }
        boolean padded = totalLength < available;
        boolean consistent = fits && (!padded || region.paddable());
        String expected = region.paddable()
                ? "<= " + available + " (bytes to the end of the padded frame)"
                : "= " + available + " (bytes from the header to the end of what carries it)";
        layer.check("total_length", "consistent", expected, Long.toString(totalLength), consistent);
        return fits;
    }
}
