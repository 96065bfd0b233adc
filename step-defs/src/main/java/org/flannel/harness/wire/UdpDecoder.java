package org.flannel.harness.wire;

import static org.flannel.harness.wire.FieldKind.HEX;
import static org.flannel.harness.wire.FieldKind.NUMBER;

/** UDP (RFC 768), and the encapsulations Flannel carries in it: VXLAN, and bare IP for the udp backend. */
final class UdpDecoder {

    static final int HEADER_LENGTH = 8;

    private UdpDecoder() {}

    static void decode(DecodeContext context, Ipv4Packet ip) {
        int s = ip.payloadStart();
        LayerDraft layer = context.newLayer("udp", s, ip.payloadEnd());
        layer.number("source_port", s, 16, NUMBER);
        long destinationPort = layer.number("destination_port", s + 2, 16, NUMBER);
        long length = layer.number("length", s + 4, 16, NUMBER);
        long checksum = layer.number("checksum", s + 6, 16, HEX);
        if (length < 0) {
            return;
        }
        boolean lengthConsistent = length >= HEADER_LENGTH && length == ip.payloadLength();
        if (!ip.quoted() && !ip.fragment()) {
            layer.check(
                    "length",
                    "consistent",
                    "= " + ip.payloadLength() + " (IPv4 payload length)",
                    Long.toString(length),
                    lengthConsistent);
        }
        if (checksum >= 0) {
            checkChecksum(context, layer, ip, (int) length, (int) checksum);
        }
        boolean fitsInIp = length >= HEADER_LENGTH && length <= ip.payloadLength();
        int end = fitsInIp ? s + (int) length : ip.payloadEnd();
        if (destinationPort < 0 || ip.fragment() || ip.quoted() || context.isEncapsulated()) {
            return;
        }
        DecodeOptions options = context.options();
        if (options.vxlanPorts().contains((int) destinationPort)) {
            VxlanDecoder.decode(context, s + HEADER_LENGTH, end);
        } else if (options.ipInUdpPorts().contains((int) destinationPort) && end > s + HEADER_LENGTH) {
            context.enterEncapsulation();
            Dispatch.ip(context, s + HEADER_LENGTH, end);
        }
    }

    private static void checkChecksum(
            DecodeContext context, LayerDraft layer, Ipv4Packet ip, int length, int checksum) {
        int s = ip.payloadStart();
        if (ip.fragment()) {
            layer.checksumUnverifiable("checksum", true, checksum, "fragment: covers other fragments");
        } else if (length < HEADER_LENGTH || length > ip.payloadLength()) {
            layer.checksumUnverifiable("checksum", true, checksum, "length inconsistent");
        } else if (!layer.has(s, length)) {
            layer.checksumUnverifiable("checksum", true, checksum, "datagram not captured whole");
        } else {
            long sum = InternetChecksum.ipv4PseudoHeaderSum(context.bytes(), ip.start(), Dispatch.PROTOCOL_UDP, length)
                    + InternetChecksum.sum(context.bytes(), s, length);
            layer.checksum("checksum", checksum, sum, true);
        }
    }
}
