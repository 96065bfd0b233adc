package org.flannel.harness.expect;

import java.util.List;
import org.flannel.harness.wire.Frame;

/**
 * The outcome of {@link FrameMatcher#expectNone}: which frames matched although none may, and how many frames
 * the capture point saw in total, so a caller can tell "nothing matched" from "nothing was captured".
 */
public final class NoMatchResult {

    private final List<ExpectationRow> rows;
    private final int totalFrames;
    private final List<FrameEvaluation> offenders;

    NoMatchResult(List<ExpectationRow> rows, int totalFrames, List<FrameEvaluation> offenders) {
        this.rows = List.copyOf(rows);
        this.totalFrames = totalFrames;
        this.offenders = List.copyOf(offenders);
    }

    /** True when no frame matches every row. */
    public boolean ok() {
        return offenders.isEmpty();
    }

    /** How many frames the capture point saw; zero means the negative check proves nothing. */
    public int totalFrames() {
        return totalFrames;
    }

    public List<Frame> offendingFrames() {
        return offenders.stream().map(FrameEvaluation::frame).toList();
    }

    public String report() {
        if (ok()) {
            return "as expected, none of the " + totalFrames + " frames the capture point saw matches all "
                    + rows.size() + " rows"
                    + (totalFrames == 0 ? " (it saw nothing: pair this with a positive check)" : "");
        }
        FrameEvaluation first = offenders.get(0);
        return offenders.size() + " of " + totalFrames + " frames match although none may; first is frame "
                + first.frame().summary() + "\n" + DiffTable.render(first.rows());
    }

    /** Throws an {@link AssertionError} carrying {@link #report()} when some frame matched. */
    public NoMatchResult assertNone() {
        if (!ok()) {
            throw new AssertionError(report());
        }
        return this;
    }
}
