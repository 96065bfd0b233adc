package org.flannel.harness.wire;

import static org.flannel.harness.wire.FieldKind.BIT;
import static org.flannel.harness.wire.FieldKind.HEX;
import static org.flannel.harness.wire.FieldKind.NUMBER;

/**
 * VXLAN (RFC 7348): flags {@code R R R R I R R R}, 24 reserved bits, the 24-bit VNI, 8 reserved bits; then the
 * inner Ethernet frame.
 */
final class VxlanDecoder {

    static final int HEADER_LENGTH = 8;
    static final int I_FLAG = 0x08;

    private VxlanDecoder() {}

    static void decode(DecodeContext context, int start, int end) {
        LayerDraft layer = context.newLayer("vxlan", start, end);
        long flags = layer.number("flags", start, 8, HEX);
        long iFlag = layer.number("i_flag", start, 4, 1, BIT);
        // The seven R bits are not contiguous (the I bit sits among them): the field spans the flags byte
        // and its value is that byte with the I bit masked out.
        long reservedFlags = -1;
        if (flags >= 0) {
            reservedFlags = flags & ~I_FLAG;
            String text = Values.hex(reservedFlags, 8);
            layer.fields.add(new Field("reserved_flags", text, reservedFlags, HEX, start, 0, 8));
        } else {
            layer.truncated("reserved_flags", start, 0, 8);
        }
        long reserved1 = layer.number("reserved1", start + 1, 24, HEX);
        layer.number("vni", start + 4, 24, NUMBER);
        long reserved2 = layer.number("reserved2", start + 7, 8, HEX);

        if (iFlag >= 0) {
            layer.check("i_flag", "set", "1", Long.toString(iFlag), iFlag == 1);
        }
        layer.mustBeZero("reserved_flags", reservedFlags, 8);
        layer.mustBeZero("reserved1", reserved1, 24);
        layer.mustBeZero("reserved2", reserved2, 8);

        context.enterEncapsulation();
        if (layer.has(start, HEADER_LENGTH) && start + HEADER_LENGTH < layer.limit()) {
            EthernetDecoder.decode(context, start + HEADER_LENGTH, end);
        }
    }
}
