package org.flannel.harness.contracts.evidence;

import java.util.List;
import java.util.Optional;

/**
 * A header table judged on a capture ("on node1:eth0 a frame matches:"): the rows as the feature wrote them,
 * what each found, and the frame judged (the first conforming one, or the closest; none when nothing was
 * captured).
 *
 * @param point          the capture point: {@code node1:eth0}
 * @param framesCaptured how many frames the capture held
 * @param frameConforms  whether the frame judged matches every row and breaks no protocol rule
 */
public record FrameMatchEvidence(
        String point,
        CheckVerdict verdict,
        int framesCaptured,
        List<Row> rows,
        List<RuleViolation> ruleViolations,
        boolean frameConforms,
        Optional<DecodedFrame> frame)
        implements Evidence {
    public static final String KIND = "frame-match";

    /**
     * One row: {@code layer | field | expected} as written, and against the frame judged: the value the row
     * stood for (a symbol resolved), what the frame had and whether that is fine.
     *
     * @param fieldName     the decoder's name for the field: {@code outer.ipv4.ttl}
     * @param expectedValue what was expected, symbols resolved ({@code expected} when no frame was judged)
     * @param actual        what the frame had ("" when no frame was judged)
     */
    public record Row(
            String layer,
            String field,
            String expected,
            String fieldName,
            String expectedValue,
            String actual,
            boolean ok) {
        public Row {
            expectedValue = expectedValue == null ? expected : expectedValue;
            actual = actual == null ? "" : actual;
        }
    }

    /** A protocol rule the frame judged breaks on a field no row names: a bad checksum, a wrong length. */
    public record RuleViolation(String field, String expected, String actual) {}

    public FrameMatchEvidence {
        rows = rows == null ? List.of() : List.copyOf(rows);
        ruleViolations = ruleViolations == null ? List.of() : List.copyOf(ruleViolations);
        frame = frame == null ? Optional.empty() : frame;
    }

    public Optional<Row> row(String fieldName) {
        return rows.stream().filter(r -> r.fieldName().equals(fieldName)).findFirst();
    }
}
