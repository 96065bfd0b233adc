package org.flannel.harness.wire;

import static org.flannel.harness.wire.FieldKind.HEX;
import static org.flannel.harness.wire.FieldKind.NUMBER;

/** The pseudo header of a capture on Linux's "any" device: SLL (linktype 113) and SLL2 (276). */
final class LinuxCookedDecoder {

    private LinuxCookedDecoder() {}

    static void decodeSll(DecodeContext context, int end) {
        LayerDraft layer = context.newLayer("sll", 0, end);
        layer.number("packet_type", 0, 16, NUMBER);
        layer.number("arphrd_type", 2, 16, NUMBER);
        long addressLength = layer.number("address_length", 4, 16, NUMBER);
        address(layer, 6, addressLength);
        long protocol = layer.number("protocol", 14, 16, HEX);
        if (protocol >= 0) {
            Dispatch.ethertype(context, (int) protocol, 16, end, false);
        }
    }

    static void decodeSll2(DecodeContext context, int end) {
        LayerDraft layer = context.newLayer("sll2", 0, end);
        long protocol = layer.number("protocol", 0, 16, HEX);
        layer.number("reserved", 2, 16, HEX);
        layer.number("interface_index", 4, 32, NUMBER);
        layer.number("arphrd_type", 8, 16, NUMBER);
        layer.number("packet_type", 10, 8, NUMBER);
        long addressLength = layer.number("address_length", 11, 8, NUMBER);
        address(layer, 12, addressLength);
        if (protocol >= 0) {
            Dispatch.ethertype(context, (int) protocol, 20, end, false);
        }
    }

    private static void address(LayerDraft layer, int offset, long length) {
        if (length == 6) {
            layer.mac("address", offset);
        } else {
            layer.bytes("address", offset, 8);
        }
    }
}
