package org.flannel.harness.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flannel.harness.wire.Frame;

/**
 * Judges a capture against a table of {@code layer | field | expected} rows.
 *
 * <pre>{@code
 * FrameMatcher matcher = new FrameMatcher(symbols);
 * matcher.match(frames, rows).assertFound();          // at least one frame matches every row, breaks no rule
 * matcher.expectNone(frames, rows).assertNone();      // no frame matches; says how many frames were seen
 * matcher.withReference(sent).match(frames, rows);    // for "decremented by 1"
 * }</pre>
 */
public final class FrameMatcher {

    private final Symbols symbols;
    private final Optional<Frame> reference;

    public FrameMatcher(Symbols symbols) {
        this(symbols, Optional.empty());
    }

    private FrameMatcher(Symbols symbols, Optional<Frame> reference) {
        this.symbols = symbols;
        this.reference = reference;
    }

    /** The same matcher comparing {@code decremented by N} rows with this frame (e.g. the packet as sent). */
    public FrameMatcher withReference(Frame referenceFrame) {
        return new FrameMatcher(symbols, Optional.of(referenceFrame));
    }

    /**
     * Finds the frames matching every row that also keep every protocol rule on the fields the table does not
     * name. When there is none, the result carries a diff against the closest frame.
     */
    public MatchResult match(List<Frame> frames, List<ExpectationRow> rows) {
        return new MatchResult(rows, frames.size(), evaluate(frames, rows));
    }

    /** The negative check: no frame may match every row. Protocol rules do not matter here. */
    public NoMatchResult expectNone(List<Frame> frames, List<ExpectationRow> rows) {
        List<FrameEvaluation> offenders = evaluate(frames, rows).stream()
                .filter(FrameEvaluation::matchesAllRows)
                .toList();
        return new NoMatchResult(rows, frames.size(), offenders);
    }

    private List<FrameEvaluation> evaluate(List<Frame> frames, List<ExpectationRow> rows) {
        List<BoundRow> bound = RowBinder.bind(rows, symbols, reference);
        List<FrameEvaluation> evaluations = new ArrayList<>();
        for (Frame frame : frames) {
            evaluations.add(FrameEvaluation.of(frame, bound, reference));
        }
        return evaluations;
    }
}
