package org.flannel.harness.reports.drawing;

import org.flannel.harness.contracts.evidence.DecodedFrame;

/** A frame's bytes, 16 a line with their offsets, each coloured by the header it belongs to. */
public final class ByteDump {
    private ByteDump() {}

    public static String render(DecodedFrame frame) {
        byte[] bytes = frame.bytes();
        int[] layerOf = new int[bytes.length];
        String[] names = new String[bytes.length];
        int index = 0;
        for (DecodedFrame.Layer layer : frame.layers()) {
            index++;
            for (int i = layer.offset(); i < bytes.length; i++) {
                layerOf[i] = index;
                names[i] = layer.name();
            }
        }
        StringBuilder html = new StringBuilder("<details class=\"dump\"><summary>The ")
                .append(bytes.length)
                .append(" captured bytes")
                .append(frame.originalLength() > bytes.length ? " (of " + frame.originalLength() + " on the wire)" : "")
                .append(", coloured by header</summary><pre>");
        for (int line = 0; line < bytes.length; line += 16) {
            html.append(String.format("%04x  ", line));
            for (int i = line; i < Math.min(line + 16, bytes.length); i++) {
                html.append("<span class=\"l")
                        .append(layerOf[i] % 8)
                        .append("\" data-b=\"")
                        .append(i)
                        .append("\" title=\"byte ")
                        .append(i)
                        .append(", ")
                        .append(Html.esc(names[i] == null ? "" : names[i]))
                        .append("\">")
                        .append(String.format("%02x", bytes[i] & 0xff))
                        .append("</span>")
                        .append(i % 16 == 7 ? "  " : " ");
            }
            html.append('\n');
        }
        return html.append("</pre></details>\n").toString();
    }
}
