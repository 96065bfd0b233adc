package org.flannel.harness.wire;

import static org.flannel.harness.wire.FieldKind.HEX;
import static org.flannel.harness.wire.FieldKind.NUMBER;

/** ARP (RFC 826); addresses are decoded for Ethernet/IPv4, the only kind on a Flannel underlay. */
final class ArpDecoder {

    private ArpDecoder() {}

    static void decode(DecodeContext context, int s, int end) {
        LayerDraft layer = context.newLayer("arp", s, end);
        layer.number("hardware_type", s, 16, NUMBER);
        layer.number("protocol_type", s + 2, 16, HEX);
        long hardwareSize = layer.number("hardware_size", s + 4, 8, NUMBER);
        long protocolSize = layer.number("protocol_size", s + 5, 8, NUMBER);
        layer.number("opcode", s + 6, 16, NUMBER);
        if (hardwareSize == 6 && protocolSize == 4) {
            layer.mac("sender_mac", s + 8);
            layer.ipv4("sender_ip", s + 14);
            layer.mac("target_mac", s + 18);
            layer.ipv4("target_ip", s + 24);
        }
    }
}
