package org.flannel.harness.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flannel.harness.contracts.bench.BenchFigure;

/**
 * The figures side by side: one row per backend, N and metric, one column per implementation, then each other
 * implementation's ratio to the first ({@code b/a}: above 1 means b took more).
 */
final class BenchTable {
    private BenchTable() {}

    static String format(List<String> implementations, List<BenchFigure> figures) {
        Map<String, Map<String, BenchFigure>> rows = new LinkedHashMap<>();
        for (BenchFigure figure : figures) {
            rows.computeIfAbsent(
                            figure.backend() + "\t" + figure.nodes() + "\t" + figure.metric()
                                    + (figure.unit().isEmpty() ? "" : " (" + figure.unit() + ")"),
                            k -> new LinkedHashMap<>())
                    .put(figure.implementation(), figure);
        }
        List<String> header = new ArrayList<>(List.of("backend", "N", "metric"));
        header.addAll(implementations);
        for (int i = 1; i < implementations.size(); i++) {
            header.add(implementations.get(i) + "/" + implementations.get(0));
        }
        List<List<String>> cells = new ArrayList<>();
        cells.add(header);
        for (var row : rows.entrySet()) {
            List<String> line = new ArrayList<>(List.of(row.getKey().split("\t")));
            for (String implementation : implementations) {
                BenchFigure figure = row.getValue().get(implementation);
                line.add(figure == null ? "-" : number(figure.value()));
            }
            for (int i = 1; i < implementations.size(); i++) {
                line.add(ratio(
                        row.getValue().get(implementations.get(0)),
                        row.getValue().get(implementations.get(i))));
            }
            cells.add(line);
        }
        return aligned(cells);
    }

    static String number(Double value) {
        if (value == null) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        return String.format(
                Locale.ROOT,
                magnitude >= 100 || value == Math.rint(value) ? "%.0f" : magnitude >= 10 ? "%.1f" : "%.2f",
                value);
    }

    static String ratio(BenchFigure base, BenchFigure other) {
        if (base == null || other == null || base.value() == null || other.value() == null || base.value() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", other.value() / base.value());
    }

    /** Columns padded to their widest cell; text left-aligned, the figures right-aligned. */
    static String aligned(List<List<String>> cells) {
        int columns = cells.get(0).size();
        int[] width = new int[columns];
        for (List<String> row : cells) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : cells) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                String pad = " ".repeat(width[c] - cell.length());
                line.append(c < 3 ? cell + pad : pad + cell).append(c + 1 < columns ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
