package org.flannel.harness.wire;

import static org.flannel.harness.wire.FieldKind.BIT;
import static org.flannel.harness.wire.FieldKind.HEX;
import static org.flannel.harness.wire.FieldKind.NUMBER;

/** Ethernet II with an optional 802.1Q (or 802.1ad) tag. */
final class EthernetDecoder {

    static final int TPID_8021Q = 0x8100;
    static final int TPID_8021AD = 0x88a8;
    /** The shortest Ethernet frame without FCS, with room for one tag: shorter IP packets get padded up to it. */
    static final int MINIMUM_FRAME_WITH_TAG = 64;

    private EthernetDecoder() {}

    static void decode(DecodeContext context, int start, int end) {
        LayerDraft layer = context.newLayer("ethernet", start, end);
        layer.mac("destination", start);
        layer.mac("source", start + 6);
        int typeOffset = start + 12;
        if (!layer.has(typeOffset, 2)) {
            layer.truncated("vlan", typeOffset, 0, 0);
            layer.truncated("ethertype", typeOffset, 0, 16);
            return;
        }
        int tpid = Values.u16(context.bytes(), typeOffset);
        if (tpid == TPID_8021Q || tpid == TPID_8021AD) {
            layer.presence("vlan", typeOffset, true, 32);
            layer.number("vlan.tpid", typeOffset, 16, HEX);
            layer.number("vlan.pcp", typeOffset + 2, 0, 3, NUMBER);
            layer.number("vlan.dei", typeOffset + 2, 3, 1, BIT);
            layer.number("vlan.id", typeOffset + 2, 4, 12, NUMBER);
            typeOffset += 4;
        } else {
            layer.presence("vlan", typeOffset, false, 0);
        }
        long ethertype = layer.number("ethertype", typeOffset, 16, HEX);
        if (ethertype >= 0) {
            boolean paddable = end - start <= MINIMUM_FRAME_WITH_TAG;
            Dispatch.ethertype(context, (int) ethertype, typeOffset + 2, end, paddable);
        }
    }
}
