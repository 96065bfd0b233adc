package org.flannel.harness.wire;

/**
 * Names a decoded header: {@code outer.} and {@code inner.} exist only when the frame carries another frame,
 * VXLAN's own header is just {@code vxlan}, and what an ICMP error quotes is {@code <prefix>quoted.}.
 */
final class LayerNames {

    private LayerNames() {}

    static String of(LayerDraft draft, boolean encapsulated) {
        if (draft.protocol.equals("vxlan") || draft.protocol.equals("decode_error")) {
            return draft.protocol;
        }
        String prefix = "";
        if (encapsulated) {
            prefix = draft.depth > 0 ? "inner." : "outer.";
        }
        if (draft.quoted) {
            prefix += "quoted.";
        }
        return prefix + draft.protocol;
    }
}
