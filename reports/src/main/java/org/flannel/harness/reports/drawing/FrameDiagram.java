package org.flannel.harness.reports.drawing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flannel.harness.contracts.evidence.DecodedFrame;
import org.flannel.harness.contracts.evidence.FieldVerdict;
import org.flannel.harness.reports.model.Slugs;

/**
 * The seed's header diagram (32 bits a row, outermost header first) drawn with the values of a captured
 * frame: each field in its place with its value, coloured by its verdict, and its bits or bytes beneath;
 * the frame's bytes as a dump at the end.
 */
public final class FrameDiagram {
    static final int ROW_BITS = 32;

    /** A stretch of bits of one row of a header: a field's, or reserved bits no field names. */
    record Piece(
            String fieldName,
            String label,
            String value,
            String meaning,
            FieldVerdict verdict,
            String expected,
            int startBit,
            int width,
            String raw,
            String title,
            String byteRange) {}

    private FrameDiagram() {}

    /**
     * The diagram of a frame.
     *
     * @param id     the figure's id, prefix of each header's anchor ({@code id-outer-ipv4})
     * @param layers the layers to draw (by name); empty for all
     * @param full   with the legend and the byte dump
     */
    public static String render(DecodedFrame frame, String id, Set<String> layers, boolean full) {
        StringBuilder html = new StringBuilder();
        html.append("<figure class=\"frame\" id=\"").append(Html.esc(id)).append("\">\n");
        if (full) {
            html.append(legend());
        }
        html.append(ruler());
        int index = 0;
        for (DecodedFrame.Layer layer : frame.layers()) {
            index++;
            if (!layers.isEmpty() && !layers.contains(layer.name())) {
                continue;
            }
            html.append(layer(frame, layer, id, index));
        }
        Optional<DecodedFrame.Layer> last = frame.layers().stream().reduce((a, b) -> b);
        if (last.isPresent() && (layers.isEmpty() || layers.contains(last.get().name()))) {
            html.append(data(frame, last.get()));
        }
        if (full && frame.linkType() == 1 && layers.isEmpty()) {
            html.append("<section class=\"layer fcs\"><h4>Frame Check Sequence</h4><div class=\"row\">")
                    .append(
                            "<div class=\"f absent\" style=\"grid-column: span 32\"><span class=\"n\">New FCS for the outer Ethernet frame</span>")
                    .append(
                            "<span class=\"v\">not in the capture</span><span class=\"b\">the network card adds it on the way out and strips it on the way in</span></div>")
                    .append("</div></section>\n");
        }
        if (full) {
            html.append(ByteDump.render(frame));
        }
        html.append("</figure>\n");
        return html.toString();
    }

    static String legend() {
        return "<div class=\"legend\"><span class=\"f passed\">✓ as the feature expects</span>"
                + "<span class=\"f failed\">✗ not as expected</span>"
                + "<span class=\"f unverifiable\">? could not be verified</span>"
                + "<span class=\"f unchecked\">· shown, not judged</span></div>\n";
    }

    static String ruler() {
        StringBuilder html = new StringBuilder("<div class=\"row ruler\" aria-hidden=\"true\">");
        for (int bit = 0; bit < ROW_BITS; bit++) {
            html.append("<span>").append(bit).append("</span>");
        }
        return html.append("</div>\n").toString();
    }

    static String layer(DecodedFrame frame, DecodedFrame.Layer layer, String id, int index) {
        StringBuilder html = new StringBuilder();
        int headerBytes = layer.headerEnd() - layer.offset();
        html.append("<section class=\"layer l")
                .append(index % 8)
                .append("\" id=\"")
                .append(Html.esc(id))
                .append('-')
                .append(Slugs.of(layer.name()))
                .append("\" data-layer=\"")
                .append(Html.esc(layer.name()))
                .append("\">")
                .append("<h4>")
                .append(Html.esc(FrameVocabulary.title(frame, layer)))
                .append(" <small>bytes ")
                .append(layer.offset())
                .append('–')
                .append(layer.headerEnd() - 1)
                .append(", ")
                .append(headerBytes)
                .append(" bytes</small></h4>\n");
        FrameVocabulary.seedComment(frame, layer)
                .ifPresent(comment -> html.append("<p class=\"seed-comment\"><span lang=\"zh\">")
                        .append(Html.esc(comment[0]))
                        .append("</span> ")
                        .append(Html.esc(comment[1]))
                        .append("</p>\n"));
        List<DecodedFrame.Field> optionals = new ArrayList<>(layer.fields().stream()
                .filter(f -> f.kind().equals("PRESENCE") && f.bitWidth() == 0)
                .toList());
        List<List<Piece>> rows = rows(frame, layer);
        for (List<Piece> row : rows) {
            int rowStart = row.get(0).startBit() + layer.offset() * 8;
            html.append(optionals(layer, optionals, rowStart));
            html.append("<div class=\"row\">");
            for (Piece piece : row) {
                html.append(cell(piece));
            }
            html.append("</div>\n");
        }
        html.append(optionals(layer, optionals, Integer.MAX_VALUE));
        html.append("</section>\n");
        return html.toString();
    }

    /** Optional parts absent from this frame (the 802.1Q tag), drawn dashed where they would be. */
    private static String optionals(DecodedFrame.Layer layer, List<DecodedFrame.Field> optionals, int beforeBit) {
        StringBuilder html = new StringBuilder();
        for (java.util.Iterator<DecodedFrame.Field> it = optionals.iterator(); it.hasNext(); ) {
            DecodedFrame.Field optional = it.next();
            if (optional.startBit() <= beforeBit) {
                it.remove();
                html.append("<div class=\"row\"><div class=\"f optional ")
                        .append(verdictClass(optional.verdict()))
                        .append("\" style=\"grid-column: span 32\" data-field=\"")
                        .append(Html.esc(optional.name()))
                        .append("\" title=\"")
                        .append(Html.esc(tooltip(optional, optional.expected())))
                        .append("\"><span class=\"n\">Optional 802.1Q tag (")
                        .append(Html.esc(optional.shortName(layer.name())))
                        .append(")</span><span class=\"v\">")
                        .append(Html.esc(optional.value()))
                        .append(" in this frame</span></div></div>\n");
            }
        }
        return html.toString();
    }

    private static String cell(Piece piece) {
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"f ")
                .append(verdictClass(piece.verdict()))
                .append(piece.width() < 4 ? " narrow" : "")
                .append("\" style=\"grid-column: span ")
                .append(piece.width())
                .append('"');
        if (piece.fieldName() != null) {
            html.append(" data-field=\"").append(Html.esc(piece.fieldName())).append('"');
        }
        html.append(" data-bytes=\"")
                .append(piece.byteRange())
                .append("\" title=\"")
                .append(Html.esc(piece.title()))
                .append("\">")
                .append("<span class=\"n\">")
                .append(Html.esc(piece.label()))
                .append("</span>")
                .append("<span class=\"v\">")
                .append(Html.esc(piece.value()))
                .append("</span>");
        if (!piece.meaning().isEmpty() && piece.width() >= 8) {
            html.append("<span class=\"m\">").append(Html.esc(piece.meaning())).append("</span>");
        }
        html.append("<span class=\"b\">").append(Html.esc(piece.raw())).append("</span></div>");
        return html.toString();
    }

    /** The CSS class of a verdict: passed, failed, unverifiable, unchecked. */
    static String verdictClass(FieldVerdict verdict) {
        return verdict.word();
    }

    /**
     * The header's fields laid out 32 bits a row from the header's first bit, as the seed draws them: a field
     * wider than what is left of a row goes on in the next one; fields that contain others (a flags word and
     * its bits) give way to them; bits no field names are reserved bits, one cell each.
     */
    static List<List<Piece>> rows(DecodedFrame frame, DecodedFrame.Layer layer) {
        int base = layer.offset() * 8;
        List<DecodedFrame.Field> fields =
                layer.fields().stream().filter(f -> f.bitWidth() > 0).toList();
        List<DecodedFrame.Field> leaves = new ArrayList<>();
        for (DecodedFrame.Field field : fields) {
            boolean aggregate = fields.stream().anyMatch(field::contains);
            if (!aggregate) {
                leaves.add(field);
            }
        }
        leaves.sort(Comparator.comparingInt(DecodedFrame.Field::startBit));
        List<Piece> pieces = new ArrayList<>();
        int cursor = base;
        int end = layer.headerEnd() * 8;
        for (DecodedFrame.Field field : leaves) {
            if (field.startBit() < cursor) {
                continue; // overlaps what is drawn already
            }
            for (int bit = cursor; bit < field.startBit(); bit++) {
                pieces.add(reservedBit(frame, fields, bit, base));
            }
            pieces.add(piece(frame, layer, field, field.startBit() - base, field.bitWidth()));
            cursor = field.endBit();
        }
        for (int bit = cursor; bit < end; bit++) {
            pieces.add(reservedBit(frame, fields, bit, base));
        }
        List<List<Piece>> rows = new ArrayList<>();
        List<Piece> row = new ArrayList<>();
        int used = 0;
        for (Piece piece : pieces) {
            int start = piece.startBit();
            int left = piece.width();
            while (left > 0) {
                int room = ROW_BITS - used;
                int take = Math.min(room, left);
                row.add(split(frame, piece, start, take, base));
                used += take;
                start += take;
                left -= take;
                if (used == ROW_BITS) {
                    rows.add(row);
                    row = new ArrayList<>();
                    used = 0;
                }
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private static Piece piece(
            DecodedFrame frame, DecodedFrame.Layer layer, DecodedFrame.Field field, int start, int width) {
        String label = FrameVocabulary.label(layer, field);
        String meaning = FrameVocabulary.meaning(layer, field).orElse("");
        return new Piece(
                field.name(),
                label,
                field.value(),
                meaning,
                field.verdict(),
                field.expected(),
                start,
                width,
                "",
                tooltip(field, field.expected()),
                "");
    }

    /** A bit no field names: reserved; judged with the smallest field that contains it (VXLAN's R bits). */
    private static Piece reservedBit(DecodedFrame frame, List<DecodedFrame.Field> fields, int bit, int base) {
        Optional<DecodedFrame.Field> around = fields.stream()
                .filter(f -> f.startBit() <= bit && bit < f.endBit())
                .min(Comparator.comparingInt(DecodedFrame.Field::bitWidth));
        FieldVerdict verdict = around.map(DecodedFrame.Field::verdict).orElse(FieldVerdict.UNCHECKED);
        String title = "reserved bit " + (bit - base)
                + around.map(f -> ", part of " + f.name() + " = " + f.value()
                                + (f.expected().isEmpty() ? "" : " (expected: " + f.expected() + ")") + ", "
                                + f.verdict().word())
                        .orElse("");
        return new Piece(null, "R", frame.bits(bit, 1), "", verdict, "", bit - base, 1, "", title, "");
    }

    /** The part of a piece that fits a row, with the bits or bytes under it. */
    private static Piece split(DecodedFrame frame, Piece piece, int start, int width, int base) {
        int absolute = base + start;
        String raw = absolute % 8 == 0 && width % 8 == 0
                ? frame.hex(absolute / 8, (absolute + width) / 8)
                : frame.bits(absolute, Math.min(width, 64));
        return new Piece(
                piece.fieldName(),
                piece.label(),
                piece.value(),
                piece.meaning(),
                piece.verdict(),
                piece.expected(),
                start,
                width,
                raw,
                piece.title(),
                absolute / 8 + "-" + (absolute + width - 1) / 8);
    }

    static String tooltip(DecodedFrame.Field field, String expected) {
        return field.name() + " = " + field.value()
                + (expected == null || expected.isEmpty() ? "" : " · expected: " + expected)
                + " · byte " + field.offset() + (field.bitOffset() == 0 ? "" : " bit " + field.bitOffset()) + ", "
                + field.bitWidth() + " bits · " + field.verdict().word();
    }

    /** What follows the last header: the message's own data (ping's payload), in bytes. */
    private static String data(DecodedFrame frame, DecodedFrame.Layer last) {
        int from = last.headerEnd();
        int to = frame.capturedLength();
        if (to <= from) {
            return "";
        }
        String hex = frame.hex(from, Math.min(to, from + 48));
        return "<section class=\"layer data\"><h4>Data <small>bytes " + from + "–" + (to - 1) + ", " + (to - from)
                + " bytes</small></h4><div class=\"row\"><div class=\"f unchecked\" style=\"grid-column: span 32\">"
                + "<span class=\"n\">The message's data (what ping carries)</span><span class=\"v\">" + (to - from)
                + " bytes</span><span class=\"b\">" + Html.esc(hex) + (to - from > 48 ? " …" : "")
                + "</span></div></div></section>\n";
    }
}
