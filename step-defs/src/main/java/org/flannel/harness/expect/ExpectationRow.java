package org.flannel.harness.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of a Gherkin table {@code | layer | field | expected |}, e.g. {@code | outer ipv4 | ttl | 64 |}.
 *
 * @param layer    words naming the layer: {@code outer ipv4}, {@code vxlan}, {@code inner ethernet}
 * @param field    the field inside the layer: {@code ttl}, {@code flags.df}
 * @param expected a literal, a symbol or a rule (see {@link ExpectedParser})
 */
public record ExpectationRow(String layer, String field, String expected) {

    private static final Map<String, String> PROTOCOL_ALIASES =
            Map.of("ip", "ipv4", "eth", "ethernet", "ether", "ethernet", "ip6", "ipv6");

    public ExpectationRow {
        if (layer == null
                || layer.isBlank()
                || field == null
                || field.isBlank()
                || expected == null
                || expected.isBlank()) {
            throw new IllegalArgumentException("a row needs a layer, a field and an expected value: | " + layer + " | "
                    + field + " | " + expected + " |");
        }
        layer = layer.trim();
        field = field.trim();
        expected = expected.trim();
    }

    public static ExpectationRow of(String layer, String field, String expected) {
        return new ExpectationRow(layer, field, expected);
    }

    /**
     * The decoder's field name: {@code outer ipv4} + {@code ttl} gives {@code outer.ipv4.ttl}. Layer words are
     * joined with dots, lower-cased, and {@code ip}/{@code eth} mean {@code ipv4}/{@code ethernet}.
     */
    public String fieldName() {
        List<String> words = new ArrayList<>();
        for (String word : layer.toLowerCase(Locale.ROOT).split("[\\s.]+")) {
            words.add(PROTOCOL_ALIASES.getOrDefault(word, word));
        }
        return String.join(".", words) + "." + field.toLowerCase(Locale.ROOT);
    }

    /**
     * Rows from a table's cells, as Cucumber's {@code DataTable.cells()} gives them; a first row reading
     * {@code layer | field | expected} is a header and is skipped.
     */
    public static List<ExpectationRow> fromCells(List<List<String>> cells) {
        List<ExpectationRow> rows = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            List<String> cell = cells.get(i);
            if (cell.size() != 3) {
                throw new IllegalArgumentException(
                        "table row " + (i + 1) + " has " + cell.size() + " cells; write | layer | field | expected |");
            }
            if (i == 0 && cell.get(0).trim().equalsIgnoreCase("layer")) {
                continue;
            }
            rows.add(new ExpectationRow(cell.get(0), cell.get(1), cell.get(2)));
        }
        return rows;
    }

    @Override
    public String toString() {
        return "| " + layer + " | " + field + " | " + expected + " |";
    }
}
