package org.flannel.harness.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A header table judged on a capture ("on node1:eth0 a frame matches:"): the rows as the feature wrote them,
 * what each found, and the frame judged (the first conforming one, or the closest).
 */
public record FrameMatch(String point, Status verdict, int framesCaptured, List<Row> rows, List<Row> ruleViolations,
        Optional<DecodedFrame> frame) {

    /** One row: {@code layer | field | expected} as written, the value the symbol stood for, what the frame had. */
    public record Row(String layer, String field, String expected, String fieldName, String expectedValue,
            String actual, boolean ok) {
    }

    public FrameMatch {
        rows = List.copyOf(rows);
        ruleViolations = List.copyOf(ruleViolations);
    }

    public static FrameMatch parse(JsonNode json) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode row : json.path("rows")) {
            rows.add(new Row(row.path("layer").asText(), row.path("field").asText(), row.path("expected").asText(),
                    row.path("fieldName").asText(), row.path("expectedValue").asText(row.path("expected").asText()),
                    row.path("actual").asText(""), row.path("ok").asBoolean(false)));
        }
        List<Row> violations = new ArrayList<>();
        for (JsonNode v : json.path("ruleViolations")) {
            violations.add(new Row("", v.path("field").asText(), v.path("expected").asText(), v.path("field").asText(),
                    v.path("expected").asText(), v.path("actual").asText(), false));
        }
        JsonNode frame = json.path("frame");
        return new FrameMatch(json.path("point").asText(), Status.of(json.path("verdict").asText()),
                json.path("framesCaptured").asInt(), rows, violations,
                frame.isObject() ? Optional.of(DecodedFrame.parse(frame)) : Optional.empty());
    }

    public Optional<Row> row(String fieldName) {
        return rows.stream().filter(r -> r.fieldName().equals(fieldName)).findFirst();
    }
}
