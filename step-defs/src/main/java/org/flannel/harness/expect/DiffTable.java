package org.flannel.harness.expect;

import java.util.List;

/** Renders verdicts as an aligned table {@code | field | expected | actual | ok? |}: a diff, never a hexdump. */
public final class DiffTable {

    public static final String OK = "✓";
    public static final String NOT_OK = "✗";

    private DiffTable() {}

    public static String render(List<RowVerdict> verdicts) {
        int[] widths = {"field".length(), "expected".length(), "actual".length(), "ok?".length()};
        for (RowVerdict verdict : verdicts) {
            widths[0] = Math.max(widths[0], verdict.field().length());
            widths[1] = Math.max(widths[1], verdict.expected().length());
            widths[2] = Math.max(widths[2], verdict.actual().length());
        }
        StringBuilder text = new StringBuilder();
        line(text, widths, "field", "expected", "actual", "ok?");
        for (RowVerdict verdict : verdicts) {
            line(text, widths, verdict.field(), verdict.expected(), verdict.actual(), verdict.ok() ? OK : NOT_OK);
        }
        return text.toString();
    }

    private static void line(StringBuilder text, int[] widths, String... cells) {
        text.append('|');
        for (int i = 0; i < cells.length; i++) {
            text.append(' ').append(pad(cells[i], widths[i])).append(" |");
        }
        text.append('\n');
    }

    private static String pad(String cell, int width) {
        return cell + " ".repeat(Math.max(0, width - cell.length()));
    }
}
