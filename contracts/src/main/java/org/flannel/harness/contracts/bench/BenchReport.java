package org.flannel.harness.contracts.bench;

import java.util.List;

/**
 * What one run of the benchmark measured: the contract between {@code scripts/bench.sh} (which writes it) and the
 * living documentation's performance page (which reads it).
 *
 * @param implementations the names in the order of the table's columns (the first is the ratio's denominator)
 * @param load the machine's load when the run began and ended ({@code uptime})
 * @param notes what the reader must know: figures that cannot be measured, and any stale or missing entry (loudly)
 */
public record BenchReport(
        String startedAt,
        String finishedAt,
        String machine,
        List<String> load,
        List<Implementation> implementations,
        List<BenchFigure> figures,
        List<LagSeries> distributions,
        List<String> notes) {
    public BenchReport {
        load = List.copyOf(load);
        implementations = List.copyOf(implementations);
        figures = List.copyOf(figures);
        distributions = List.copyOf(distributions);
        notes = List.copyOf(notes);
    }

    /** An implementation measured: its short name (a column) and its executable. */
    public record Implementation(String name, String executable) {}
}
