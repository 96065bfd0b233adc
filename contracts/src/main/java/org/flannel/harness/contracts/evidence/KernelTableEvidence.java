package org.flannel.harness.contracts.evidence;

import java.util.List;

/**
 * A kernel table a step checked on a node, as the seed prints it ({@code route -n}, {@code ip neigh},
 * {@code bridge fdb}): the rows the feature expects, and the rows the node had.
 */
public record KernelTableEvidence(
        String node,
        String command,
        CheckVerdict verdict,
        List<String> columns,
        List<ExpectedRow> expected,
        List<List<String>> actual)
        implements Evidence {
    public static final String KIND = "kernel-table";

    /** An expected row: its cells (symbols resolved), as written in the feature, and whether the node had it. */
    public record ExpectedRow(List<String> cells, List<String> written, boolean found) {
        public ExpectedRow {
            cells = Texts.of(cells);
            written = Texts.of(written);
        }
    }

    public KernelTableEvidence {
        columns = Texts.of(columns);
        expected = expected == null ? List.of() : List.copyOf(expected);
        actual = Texts.rows(actual);
    }

    /** True when the node's row is one the feature expects. */
    public boolean expects(List<String> row) {
        return expected.stream().anyMatch(e -> e.cells().equals(row));
    }
}
