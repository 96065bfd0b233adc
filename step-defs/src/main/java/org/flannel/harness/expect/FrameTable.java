package org.flannel.harness.expect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A frame's expectation table written once and referred to by name: its text (Gherkin's table syntax, with
 * {@code #} comment lines), and the same table with a scenario's overrides.
 */
public final class FrameTable {
    private FrameTable() {}

    /** The rows of a table written as {@code | layer | field | expected |} lines; blank and # lines are skipped. */
    public static List<ExpectationRow> parse(String text) {
        List<List<String>> cells = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (!trimmed.startsWith("|") || !trimmed.endsWith("|") || trimmed.length() < 2) {
                throw new IllegalArgumentException("not a table row: " + line);
            }
            cells.add(Arrays.stream(trimmed.substring(1, trimmed.length() - 1).split("\\|"))
                    .map(String::strip)
                    .toList());
        }
        return ExpectationRow.fromCells(cells);
    }

    /**
     * The base rows with each override in the place of the base row of its layer and field, and overrides that
     * name a field the base does not judge added at the end.
     */
    public static List<ExpectationRow> withOverrides(List<ExpectationRow> base, List<ExpectationRow> overrides) {
        Map<String, ExpectationRow> byField = new LinkedHashMap<>();
        for (ExpectationRow row : base) {
            byField.put(row.fieldName(), row);
        }
        for (ExpectationRow override : overrides) {
            byField.put(override.fieldName(), override);
        }
        return List.copyOf(byField.values());
    }
}
