package org.flannel.harness.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flannel.harness.wire.FieldCatalog;
import org.flannel.harness.wire.Frame;

/**
 * Turns table rows into {@link BoundRow}s before any frame is looked at, so a typo in a field name, an unknown
 * symbol or a missing reference frame fails at once with a clear message instead of as a mismatch.
 */
final class RowBinder {

    private RowBinder() {}

    static List<BoundRow> bind(List<ExpectationRow> rows, Symbols symbols, Optional<Frame> reference) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("an expectation needs at least one | layer | field | expected | row");
        }
        List<BoundRow> bound = new ArrayList<>();
        for (ExpectationRow row : rows) {
            String fieldName = row.fieldName();
            FieldCatalog.problemWith(fieldName).ifPresent(problem -> {
                throw new IllegalArgumentException(row + ": " + problem);
            });
            Expected expected = ExpectedParser.parse(row.expected());
            String text = row.expected();
            if (expected instanceof Expected.SymbolRef symbol) {
                String value = symbols.resolve(symbol.name());
                expected = new Expected.Literal(value);
                text = symbol.name() + " = " + value;
            }
            if (expected.needsReference() && reference.isEmpty()) {
                throw new IllegalArgumentException(row + ": '" + row.expected()
                        + "' compares with a reference frame; give one with FrameMatcher.withReference(frame)");
            }
            bound.add(new BoundRow(row, fieldName, expected, text));
        }
        return bound;
    }
}
