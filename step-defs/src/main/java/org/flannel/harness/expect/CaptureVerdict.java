package org.flannel.harness.expect;

/**
 * A judgement over a whole capture rather than one frame (how many copies of a packet, whether a value repeats
 * across frames): whether it holds, and a report that lists the frames it looked at.
 */
public record CaptureVerdict(boolean ok, String report) {

    /** Throws an {@link AssertionError} carrying the report unless the judgement holds. */
    public CaptureVerdict assertOk() {
        if (!ok) {
            throw new AssertionError(report);
        }
        return this;
    }
}
