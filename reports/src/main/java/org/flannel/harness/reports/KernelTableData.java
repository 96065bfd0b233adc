package org.flannel.harness.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A kernel table a step checked on a node: the rows the feature expects, and the rows the node had. */
public record KernelTableData(String node, String command, Status verdict, List<String> columns,
        List<ExpectedRow> expected, List<List<String>> actual) {

    /** An expected row: its cells (symbols resolved), as written in the feature, and whether the node had it. */
    public record ExpectedRow(List<String> cells, List<String> written, boolean found) {
        public ExpectedRow {
            cells = List.copyOf(cells);
            written = List.copyOf(written);
        }
    }

    public KernelTableData {
        columns = List.copyOf(columns);
        expected = List.copyOf(expected);
        actual = actual.stream().map(List::copyOf).toList();
    }

    public static KernelTableData parse(JsonNode json) {
        List<ExpectedRow> expected = new ArrayList<>();
        for (JsonNode row : json.path("expected")) {
            expected.add(new ExpectedRow(strings(row.path("cells")), strings(row.path("written")),
                    row.path("found").asBoolean(false)));
        }
        List<List<String>> actual = new ArrayList<>();
        json.path("actual").forEach(row -> actual.add(strings(row)));
        return new KernelTableData(json.path("node").asText(), json.path("command").asText(),
                Status.of(json.path("verdict").asText()), strings(json.path("columns")), expected, actual);
    }

    /** True when the node's row is one the feature expects. */
    public boolean isExpected(List<String> row) {
        return expected.stream().anyMatch(e -> e.cells().equals(row));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
