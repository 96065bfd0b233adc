package org.flannel.harness.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One packet followed hop by hop ("the echo request ... is seen at every hop as:"), as the step attached it. */
public record HopTraceData(String packet, String source, String destination, Status verdict, List<Hop> hops) {

    /** What the feature asked of a column at one hop: as written, and the value a symbol stood for. */
    public record Cell(String written, String value) {
    }

    /**
     * One capture point on the way.
     *
     * @param point    {@code node1:flannel.1}
     * @param expected the feature's row: column → cell
     * @param headers  the header stack found ("" when the packet was not found there)
     */
    public record Hop(String point, Map<String, Cell> expected, Status verdict, List<String> problems, String headers,
            int framesCaptured, Optional<DecodedFrame> frame) {

        public Hop {
            expected = Map.copyOf(expected);
            problems = List.copyOf(problems);
        }

        /** {@code node1} of {@code node1:flannel.1}. */
        public String host() {
            int colon = point.indexOf(':');
            return colon > 0 ? point.substring(0, colon) : point;
        }

        /** {@code flannel.1} of {@code node1:flannel.1}. */
        public String device() {
            int colon = point.indexOf(':');
            return colon > 0 ? point.substring(colon + 1) : "";
        }

        public String expected(String column) {
            Cell cell = expected.get(column);
            return cell == null ? "" : cell.value();
        }
    }

    public HopTraceData {
        hops = List.copyOf(hops);
    }

    public static HopTraceData parse(JsonNode json) {
        List<Hop> hops = new ArrayList<>();
        for (JsonNode hop : json.path("hops")) {
            Map<String, Cell> expected = new LinkedHashMap<>();
            hop.path("expected").fields().forEachRemaining(e -> expected.put(e.getKey(),
                    new Cell(e.getValue().path("written").asText(""), e.getValue().path("value").asText(""))));
            List<String> problems = new ArrayList<>();
            hop.path("problems").forEach(p -> problems.add(p.asText()));
            JsonNode frame = hop.path("frame");
            hops.add(new Hop(hop.path("point").asText(), expected, Status.of(hop.path("verdict").asText()), problems,
                    hop.path("headers").asText(""), hop.path("framesCaptured").asInt(),
                    frame.isObject() ? Optional.of(DecodedFrame.parse(frame)) : Optional.empty()));
        }
        return new HopTraceData(json.path("packet").asText(), json.path("source").asText(),
                json.path("destination").asText(), Status.of(json.path("verdict").asText()), hops);
    }
}
