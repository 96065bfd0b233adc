package org.flannel.harness.reports.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.flannel.harness.contracts.bench.BenchFigure;
import org.flannel.harness.contracts.bench.BenchReport;
import org.flannel.harness.contracts.bench.LagSeries;
import org.flannel.harness.reports.drawing.BenchCharts;
import org.flannel.harness.reports.drawing.Html;

/**
 * Performance: what {@code scripts/bench.sh} measured (its JSON, {@link BenchReport}), implementations side by side:
 * each figure against N, the lag distributions, the table with ratios, and the notes (figures that cannot be
 * measured, and loudly any stale or missing route).
 */
public final class PerformancePage {
    public static final String HREF = "performance.html";
    public static final String TITLE = "Performance";

    /** Figures drawn against N, each the slowest or typical value of its phase. */
    static final List<String> AGAINST_N = List.of(
            "cold start: subnet file written: max",
            "cold start: full mesh in the kernel: max",
            "convergence: lease added: median",
            "convergence: lease removed: median",
            "lease storm: all N added on a node: max",
            "churn: lag: p99",
            "memory: VmRSS per agent, median",
            "CPU idle: CPU s per agent per minute, median");

    private PerformancePage() {}

    /** The page's content, inside whatever frame the caller puts it in. */
    public static String body(BenchReport report) {
        List<String> implementations = report.implementations().stream()
                .map(BenchReport.Implementation::name)
                .toList();
        StringBuilder html = new StringBuilder("<h1>Performance</h1>\n<p class=\"lead\">")
                .append(
                        "Flannel implementations timed side by side by <code>scripts/bench.sh</code>, from the outside as ")
                .append(
                        "the features judge them: started with flanneld's flags on N network namespaces, leases written to ")
                .append(
                        "etcd by hand, and the kernel's own route notifications (<code>ip -ts monitor route</code> on every ")
                .append("node) timing when each node programmed or removed a route. <strong>These figures are ratios ")
                .append("measured in one run on a shared, noisy machine</strong>: read them as which is faster and by ")
                .append("about how much, not as absolute times.</p>\n");
        html.append("<p>Run from ")
                .append(Html.esc(report.startedAt()))
                .append(" to ")
                .append(Html.esc(report.finishedAt()))
                .append(" on ")
                .append(Html.esc(report.machine()))
                .append("; load (1, 5, 15 min averages) ")
                .append(Html.esc(String.join("; ", report.load())))
                .append(".</p>\n<ul>");
        for (BenchReport.Implementation implementation : report.implementations()) {
            html.append("<li><strong>")
                    .append(Html.esc(implementation.name()))
                    .append("</strong>: <code>")
                    .append(Html.esc(implementation.executable()))
                    .append("</code></li>");
        }
        html.append("</ul>\n");
        notes(report, html);
        for (String backend : backends(report)) {
            html.append("<section><h2>").append(Html.esc(backend)).append("</h2>\n<div class=\"tables\">");
            for (String metric : AGAINST_N) {
                Map<String, java.util.SortedMap<Integer, Double>> series = new LinkedHashMap<>();
                String unit = "";
                for (String implementation : implementations) {
                    java.util.SortedMap<Integer, Double> line = new TreeMap<>();
                    for (BenchFigure figure : report.figures()) {
                        if (figure.backend().equals(backend)
                                && figure.metric().equals(metric)
                                && figure.implementation().equals(implementation)
                                && figure.value() != null) {
                            line.put(figure.nodes(), figure.value());
                            unit = figure.unit();
                        }
                    }
                    if (!line.isEmpty()) {
                        series.put(implementation, line);
                    }
                }
                if (!series.isEmpty()) {
                    html.append("<figure>")
                            .append(BenchCharts.againstN(metric, unit, series))
                            .append("</figure>");
                }
            }
            html.append("</div>\n");
            distributions(report, backend, implementations, html);
            table(report, backend, implementations, html);
            html.append("</section>\n");
        }
        html.append("<p class=\"muted\">How each figure is taken: the cold start counts from when the first agent ")
                .append(
                        "was started (all N one after the other, at once) to each subnet file's modification time, and ")
                .append("to each node's last peer route; a lag counts from just before <code>etcdctl</code> was run ")
                .append(
                        "(its own start-up, the same for every implementation, included) to the kernel's notification. ")
                .append(
                        "A lease storm writes N leases in one etcd transaction. Churn adds a lease and removes the oldest ")
                .append(
                        "at a steady rate, about five alive, then reads every node's routes against etcd's leases. Memory ")
                .append(
                        "is the agent process's VmRSS, CPU its user+system time from /proc. Percentiles are nearest-rank ")
                .append("(always a measured sample). udp keeps its peers inside the agent (one route ")
                .append(
                        "<code>10.1.0.0/16 dev flannel0</code>), so its kernel cannot time convergence: those figures are ")
                .append("n/a.</p>\n");
        return html.toString();
    }

    private static void notes(BenchReport report, StringBuilder html) {
        List<String> loud =
                report.notes().stream().filter(n -> n.contains("!!!")).toList();
        if (!loud.isEmpty()) {
            html.append("<div class=\"failure\"><h2>Stale, missing or failed</h2><ul>");
            loud.forEach(n -> html.append("<li>").append(Html.esc(n)).append("</li>"));
            html.append("</ul></div>\n");
        }
        List<String> quiet =
                report.notes().stream().filter(n -> !n.contains("!!!")).toList();
        if (!quiet.isEmpty()) {
            html.append("<details><summary>Notes (").append(quiet.size()).append(")</summary><ul>");
            quiet.forEach(n -> html.append("<li>").append(Html.esc(n)).append("</li>"));
            html.append("</ul></details>\n");
        }
    }

    private static void distributions(
            BenchReport report, String backend, List<String> implementations, StringBuilder html) {
        int largest = report.distributions().stream()
                .filter(s -> s.backend().equals(backend))
                .mapToInt(LagSeries::nodes)
                .max()
                .orElse(0);
        Set<String> phases = new LinkedHashSet<>();
        report.distributions().stream()
                .filter(s -> s.backend().equals(backend) && s.nodes() == largest)
                .forEach(s -> phases.add(s.phase()));
        if (phases.isEmpty()) {
            return;
        }
        html.append("<h3>Lag distributions at N=").append(largest).append("</h3>\n<div class=\"tables\">");
        for (String phase : phases) {
            Map<String, List<Double>> lags = new LinkedHashMap<>();
            for (String implementation : implementations) {
                report.distributions().stream()
                        .filter(s -> s.backend().equals(backend)
                                && s.nodes() == largest
                                && s.phase().equals(phase)
                                && s.implementation().equals(implementation))
                        .findFirst()
                        .ifPresent(s -> lags.put(implementation, s.lagsMs()));
            }
            html.append("<figure>")
                    .append(BenchCharts.distribution(phase, lags))
                    .append("</figure>");
        }
        html.append("</div>\n");
    }

    private static void table(BenchReport report, String backend, List<String> implementations, StringBuilder html) {
        Map<String, Map<String, BenchFigure>> rows = new LinkedHashMap<>();
        for (BenchFigure figure : report.figures()) {
            if (figure.backend().equals(backend)) {
                rows.computeIfAbsent(figure.nodes() + "\t" + figure.metric(), k -> new LinkedHashMap<>())
                        .put(figure.implementation(), figure);
            }
        }
        html.append("<table class=\"events bench\"><thead><tr><th>N</th><th>figure</th>");
        implementations.forEach(i -> html.append("<th>").append(Html.esc(i)).append("</th>"));
        for (int i = 1; i < implementations.size(); i++) {
            html.append("<th>")
                    .append(Html.esc(implementations.get(i) + " / " + implementations.get(0)))
                    .append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (var row : rows.entrySet()) {
            String[] key = row.getKey().split("\t");
            String unit = row.getValue().values().iterator().next().unit();
            html.append("<tr><td class=\"num\">")
                    .append(key[0])
                    .append("</td><td>")
                    .append(Html.esc(key[1] + (unit.isEmpty() ? "" : " (" + unit + ")")))
                    .append("</td>");
            List<Double> values = new ArrayList<>();
            for (String implementation : implementations) {
                BenchFigure figure = row.getValue().get(implementation);
                Double value = figure == null ? null : figure.value();
                values.add(value);
                html.append("<td class=\"num\">")
                        .append(value == null ? "n/a" : BenchCharts.number(value))
                        .append("</td>");
            }
            for (int i = 1; i < implementations.size(); i++) {
                Double base = values.get(0);
                Double other = values.get(i);
                html.append("<td class=\"num\">")
                        .append(
                                base == null || other == null || base == 0
                                        ? "-"
                                        : String.format(Locale.ROOT, "%.2f", other / base))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>\n");
    }

    static List<String> backends(BenchReport report) {
        Set<String> backends = new LinkedHashSet<>();
        report.figures().forEach(f -> backends.add(f.backend()));
        return List.copyOf(backends);
    }
}
