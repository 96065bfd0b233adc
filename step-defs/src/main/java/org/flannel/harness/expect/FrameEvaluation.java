package org.flannel.harness.expect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.flannel.harness.wire.Frame;
import org.flannel.harness.wire.RuleCheck;

/**
 * How one frame fares against a table: a verdict per row, plus the protocol rules it breaks on fields the
 * table does not name (a named field is judged by its row alone, so a table can say {@code checksum | any}).
 */
public final class FrameEvaluation {

    /** Most rows matched first; then most named fields present; then fewest rule violations; then earliest. */
    static final Comparator<FrameEvaluation> CLOSEST_FIRST = Comparator.comparingInt(FrameEvaluation::rowsMatched)
            .reversed()
            .thenComparing(
                    Comparator.comparingLong(FrameEvaluation::rowsPresent).reversed())
            .thenComparingInt(evaluation -> evaluation.ruleViolations.size())
            .thenComparingInt(evaluation -> evaluation.frame.index());

    private final Frame frame;
    private final List<RowVerdict> rows;
    private final List<RowVerdict> ruleViolations;

    private FrameEvaluation(Frame frame, List<RowVerdict> rows, List<RowVerdict> ruleViolations) {
        this.frame = frame;
        this.rows = List.copyOf(rows);
        this.ruleViolations = List.copyOf(ruleViolations);
    }

    static FrameEvaluation of(Frame frame, List<BoundRow> boundRows, Optional<Frame> reference) {
        List<RowVerdict> rows = new ArrayList<>();
        for (BoundRow row : boundRows) {
            rows.add(RowEvaluator.evaluate(row, frame, reference));
        }
        Set<String> named = boundRows.stream().map(BoundRow::fieldName).collect(Collectors.toSet());
        List<RowVerdict> violations = new ArrayList<>();
        for (RuleCheck check : frame.violations()) {
            if (!named.contains(check.field())) {
                violations.add(new RowVerdict(
                        check.field(),
                        "rule " + check.rule() + ": " + check.expected(),
                        check.actual(),
                        false,
                        false,
                        true));
            }
        }
        return new FrameEvaluation(frame, rows, violations);
    }

    public Frame frame() {
        return frame;
    }

    /** One verdict per table row, in table order. */
    public List<RowVerdict> rows() {
        return rows;
    }

    /** Broken protocol rules on fields the table does not name. */
    public List<RowVerdict> ruleViolations() {
        return ruleViolations;
    }

    public int rowsMatched() {
        return (int) rows.stream().filter(RowVerdict::ok).count();
    }

    long rowsPresent() {
        return rows.stream().filter(RowVerdict::present).count();
    }

    public boolean matchesAllRows() {
        return rows.stream().allMatch(RowVerdict::ok);
    }

    /** Matches every row and breaks no protocol rule. */
    public boolean conforms() {
        return matchesAllRows() && ruleViolations.isEmpty();
    }

    /** The table rows followed by the rule violations. */
    public List<RowVerdict> verdicts() {
        List<RowVerdict> all = new ArrayList<>(rows);
        all.addAll(ruleViolations);
        return all;
    }

    /** {@code | field | expected | actual | ok? |} for every row and every broken rule. */
    public String diffTable() {
        return DiffTable.render(verdicts());
    }
}
