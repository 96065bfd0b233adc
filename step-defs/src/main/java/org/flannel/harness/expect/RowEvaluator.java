package org.flannel.harness.expect;

import java.util.List;
import java.util.Optional;
import org.flannel.harness.wire.ChecksumStatus;
import org.flannel.harness.wire.Field;
import org.flannel.harness.wire.Frame;
import org.flannel.harness.wire.RuleCheck;

/** Judges one bound row against one frame. */
final class RowEvaluator {

    static final String NO_SUCH_FIELD = "(no such field)";

    private RowEvaluator() {}

    static RowVerdict evaluate(BoundRow row, Frame frame, Optional<Frame> reference) {
        Optional<Field> found = frame.field(row.fieldName());
        if (found.isEmpty()) {
            return verdict(row, row.expectedText(), NO_SUCH_FIELD, false, false);
        }
        Field field = found.get();
        if (field.isTruncated()) {
            return verdict(row, row.expectedText(), field.value(), false, true);
        }
        Expected expected = row.expected();
        if (expected instanceof Expected.Literal literal) {
            return verdict(
                    row, row.expectedText(), field.value(), LiteralComparison.matches(field, literal.text()), true);
        }
        if (expected instanceof Expected.AnyValue) {
            return verdict(row, "any", field.value(), true, true);
        }
        if (expected instanceof Expected.InRange range) {
            boolean inside =
                    field.kind().isNumeric() && field.number() >= range.low() && field.number() <= range.high();
            return verdict(row, row.expectedText(), field.value(), inside, true);
        }
        if (expected instanceof Expected.Valid) {
            return validity(row, frame, field, false);
        }
        if (expected instanceof Expected.ZeroOrValid) {
            return validity(row, frame, field, true);
        }
        if (expected instanceof Expected.DecrementedBy decremented) {
            return decremented(row, field, reference.orElseThrow(), decremented.amount());
        }
        if (expected instanceof Expected.AsSent) {
            return asSent(row, field, reference.orElseThrow());
        }
        throw new IllegalStateException("unbound expectation " + expected + " in " + row.row());
    }

    private static RowVerdict validity(BoundRow row, Frame frame, Field field, boolean zeroAllowed) {
        Optional<ChecksumStatus> status = frame.checksumStatus(field.name());
        List<RuleCheck> checks = frame.checksFor(field.name());
        if (status.isPresent()) {
            String computed = checks.stream()
                    .map(RuleCheck::expected)
                    .filter(text -> text.contains("computed"))
                    .findFirst()
                    .map(text -> " (" + text + ")")
                    .orElse("");
            return switch (status.get()) {
                case GOOD -> verdict(row, row.expectedText(), field.value() + " (verified)", true, true);
                case ZERO -> verdict(row, row.expectedText(), field.value() + " (not computed)", zeroAllowed, true);
                case BAD -> verdict(row, row.expectedText() + computed, field.value() + " (wrong)", false, true);
                case UNVERIFIABLE ->
                    verdict(
                            row,
                            row.expectedText(),
                            field.value() + " (cannot verify: "
                                    + checks.stream()
                                            .map(RuleCheck::actual)
                                            .findFirst()
                                            .orElse("bytes missing") + ")",
                            false,
                            true);
            };
        }
        if (checks.isEmpty()) {
            return verdict(row, row.expectedText(), field.value() + " (no rule judges this field)", false, true);
        }
        Optional<RuleCheck> failed = checks.stream()
                .filter(check -> check.verdict() != RuleCheck.Verdict.PASS)
                .findFirst();
        return failed.map(check ->
                        verdict(row, row.expectedText() + ": " + check.expected(), check.actual(), false, true))
                .orElseGet(() -> verdict(row, row.expectedText(), field.value(), true, true));
    }

    private static RowVerdict decremented(BoundRow row, Field field, Frame reference, long amount) {
        Optional<Field> before = ReferenceFields.counterpart(reference, field.name());
        if (before.isEmpty()
                || before.get().isTruncated()
                || !before.get().kind().isNumeric()) {
            return verdict(
                    row,
                    row.expectedText() + " (reference frame #" + reference.number() + " has no " + field.name() + ")",
                    field.value(),
                    false,
                    true);
        }
        long wanted = before.get().number() - amount;
        String expected = wanted + " (" + row.expectedText() + " from "
                + before.get().value() + " at reference " + before.get().name() + ")";
        return verdict(row, expected, field.value(), field.kind().isNumeric() && field.number() == wanted, true);
    }

    private static RowVerdict asSent(BoundRow row, Field field, Frame reference) {
        Optional<Field> sent = ReferenceFields.counterpart(reference, field.name());
        if (sent.isEmpty() || sent.get().isTruncated()) {
            return verdict(
                    row,
                    row.expectedText() + " (reference frame #" + reference.number() + " has no " + field.name() + ")",
                    field.value(),
                    false,
                    true);
        }
        String expected = sent.get().value() + " (" + row.expectedText() + ": reference "
                + sent.get().name() + ")";
        boolean same = sent.get().kind() == field.kind() && sent.get().value().equals(field.value());
        return verdict(row, expected, field.value(), same, true);
    }

    private static RowVerdict verdict(BoundRow row, String expected, String actual, boolean ok, boolean present) {
        return new RowVerdict(row.fieldName(), expected, actual, ok, true, present);
    }
}
