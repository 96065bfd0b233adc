package org.flannel.harness.expect;

import java.util.List;
import java.util.Optional;
import org.flannel.harness.wire.Frame;

/** The outcome of {@link FrameMatcher#match}: the conforming frames, or a diff against the closest one. */
public final class MatchResult {

    private final List<ExpectationRow> rows;
    private final int totalFrames;
    private final List<FrameEvaluation> evaluations;

    MatchResult(List<ExpectationRow> rows, int totalFrames, List<FrameEvaluation> evaluations) {
        this.rows = List.copyOf(rows);
        this.totalFrames = totalFrames;
        this.evaluations = List.copyOf(evaluations);
    }

    public boolean found() {
        return evaluations.stream().anyMatch(FrameEvaluation::conforms);
    }

    /** Frames that match every row and break no protocol rule, in capture order. */
    public List<Frame> matches() {
        return evaluations.stream()
                .filter(FrameEvaluation::conforms)
                .map(FrameEvaluation::frame)
                .toList();
    }

    /** Frames that match every row, whether or not they break a protocol rule elsewhere. */
    public List<Frame> rowMatches() {
        return evaluations.stream()
                .filter(FrameEvaluation::matchesAllRows)
                .map(FrameEvaluation::frame)
                .toList();
    }

    public int totalFrames() {
        return totalFrames;
    }

    /** The first conforming frame when there is one; otherwise the frame matching the most rows. */
    public Optional<FrameEvaluation> closest() {
        Optional<FrameEvaluation> conforming =
                evaluations.stream().filter(FrameEvaluation::conforms).findFirst();
        if (conforming.isPresent()) {
            return conforming;
        }
        return evaluations.stream().min(FrameEvaluation.CLOSEST_FIRST);
    }

    /** A paragraph for a report: what matched, or which frame came closest and its diff table. */
    public String report() {
        if (found()) {
            List<Frame> matches = matches();
            return "frame " + matches.get(0).summary() + " matches all " + rows.size() + " rows"
                    + (matches.size() > 1
                            ? " (" + matches.size() + " of " + totalFrames + " frames do)"
                            : " (1 of " + totalFrames + " frames)")
                    + "\n" + closest().orElseThrow().diffTable();
        }
        if (totalFrames == 0) {
            return "the capture holds no frame at all: the capture point saw nothing, so nothing can match\n"
                    + tableText();
        }
        FrameEvaluation closest = closest().orElseThrow();
        String why = closest.matchesAllRows()
                ? "matches all " + rows.size() + " rows but breaks "
                        + closest.ruleViolations().size() + " protocol rule(s)"
                : closest.rowsMatched() + " of " + rows.size() + " rows match";
        return "no frame among the " + totalFrames + " captured matches; closest is frame "
                + closest.frame().summary() + " (" + why + ")\n" + closest.diffTable();
    }

    /** Throws an {@link AssertionError} carrying {@link #report()} unless a conforming frame was found. */
    public MatchResult assertFound() {
        if (!found()) {
            throw new AssertionError(report());
        }
        return this;
    }

    private String tableText() {
        StringBuilder text = new StringBuilder("expected:\n");
        rows.forEach(row -> text.append("  ").append(row).append('\n'));
        return text.toString();
    }
}
