package org.flannel.harness.reports.drawing;

import java.util.List;
import org.flannel.harness.contracts.evidence.KernelTableEvidence;
import org.flannel.harness.reports.model.Status;

/**
 * A kernel table as the seed prints it ({@code route -n}, {@code ip neigh show dev flannel.1},
 * {@code bridge fdb show}), as captured on the node: rows the feature expects marked found or missing,
 * the node's other rows shown for context.
 */
public final class KernelTables {
    private KernelTables() {}

    public static String render(KernelTableEvidence table) {
        StringBuilder html = new StringBuilder();
        html.append("<figure class=\"kernel ")
                .append(Status.of(table.verdict()).cssClass())
                .append("\" data-command=\"")
                .append(Html.esc(table.command()))
                .append("\" data-node=\"")
                .append(Html.esc(table.node()))
                .append("\">")
                .append("<figcaption>")
                .append(Html.badge(table.verdict()))
                .append(" on <b>")
                .append(Html.esc(table.node()))
                .append("</b></figcaption><pre class=\"console\"><span class=\"prompt\">")
                .append(Html.esc(table.node()))
                .append(" $ ")
                .append(Html.esc(table.command()))
                .append("</span>\n");
        boolean route = table.command().startsWith("route");
        if (route) {
            html.append("Kernel IP routing table\n")
                    .append(Html.esc(routeLine(List.of("Destination", "Gateway", "Genmask", "Flags", "Iface"))))
                    .append('\n');
        }
        for (List<String> row : table.actual()) {
            boolean expected = table.expects(row);
            html.append("<span class=\"")
                    .append(expected ? "row-ok" : "row-other")
                    .append("\" title=\"")
                    .append(expected ? "a row the feature expects: found" : "a row the feature does not ask about")
                    .append("\">")
                    .append(Html.esc(line(table, row)))
                    .append("</span>")
                    .append(expected ? "  <b class=\"ok\">✓</b>" : "")
                    .append('\n');
        }
        for (KernelTableEvidence.ExpectedRow row : table.expected()) {
            if (!row.found() && !table.actual().contains(row.cells())) {
                html.append("<span class=\"row-missing\" title=\"expected, not on the node\">")
                        .append(Html.esc(line(table, row.cells())))
                        .append("</span>  <b class=\"bad\">✗ missing</b>\n");
            }
        }
        html.append("</pre>");
        html.append("<table class=\"expected\"><caption>What the feature expects</caption><thead><tr>");
        table.columns().forEach(c -> html.append("<th>").append(Html.esc(c)).append("</th>"));
        html.append("<th></th></tr></thead><tbody>");
        for (KernelTableEvidence.ExpectedRow row : table.expected()) {
            html.append("<tr class=\"").append(row.found() ? "ok" : "bad").append("\">");
            for (int i = 0; i < row.cells().size(); i++) {
                String written = i < row.written().size()
                        ? row.written().get(i)
                        : row.cells().get(i);
                html.append("<td><code>").append(Html.esc(row.cells().get(i))).append("</code>");
                if (!written.equals(row.cells().get(i))) {
                    html.append("<br><small>").append(Html.esc(written)).append("</small>");
                }
                html.append("</td>");
            }
            html.append("<td>").append(row.found() ? "✓ found" : "✗ missing").append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (route) {
            html.append(
                    "<p class=\"small muted\">Read with <code>ip -json route</code> and printed as <code>route -n</code> does; "
                            + "the Metric, Ref and Use columns are not read.</p>");
        }
        return html.append("</figure>\n").toString();
    }

    /** One row as the command prints it. */
    public static String line(KernelTableEvidence table, List<String> row) {
        String command = table.command();
        if (command.startsWith("route")) {
            return routeLine(row);
        }
        if (command.startsWith("ip neigh") && row.size() >= 3) {
            return row.get(0) + (row.get(1).isEmpty() ? "" : " lladdr " + row.get(1)) + " "
                    + row.get(2).replace(',', ' ');
        }
        if (command.startsWith("bridge fdb") && row.size() >= 4) {
            String device = command.replaceFirst(".*\\bdev\\s+", "");
            return row.get(0) + " dev " + device + " dst " + row.get(1) + " "
                    + row.get(2).replace(',', ' ') + " " + row.get(3);
        }
        return String.join("  ", row);
    }

    static String routeLine(List<String> row) {
        StringBuilder line = new StringBuilder();
        int[] widths = {16, 16, 16, 6};
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i);
            line.append(i < widths.length ? String.format("%-" + widths[i] + "s", cell) : cell);
        }
        return line.toString().stripTrailing();
    }
}
