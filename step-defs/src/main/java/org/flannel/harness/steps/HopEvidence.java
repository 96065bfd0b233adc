package org.flannel.harness.steps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flannel.harness.expect.Symbols;
import org.flannel.harness.wire.Frame;

/**
 * One packet followed from hop to hop, as JSON for the living documentation: per hop the row the feature
 * wrote (symbols resolved), what was found there (header stack, the whole decoded frame) and the verdict.
 */
final class HopEvidence {
    private final ObjectNode json = JsonEvidence.object();
    private final ArrayNode hops;
    private boolean passed = true;

    HopEvidence(int icmpType, String source, String destination) {
        json.put("kind", "hop-trace");
        json.put("packet", icmpType == EchoPackets.ECHO_REQUEST ? "echo request" : "echo reply");
        json.put("source", source);
        json.put("destination", destination);
        hops = json.putArray("hops");
    }

    void hop(Map<String, String> row, Symbols symbols, Optional<Frame> frame, int framesCaptured, List<String> problems) {
        ObjectNode hop = hops.addObject();
        hop.put("point", row.get("hop"));
        ObjectNode expected = hop.putObject("expected");
        for (Map.Entry<String, String> cell : row.entrySet()) {
            if (cell.getKey().equals("hop")) {
                continue;
            }
            String written = cell.getValue() == null ? "" : cell.getValue();
            String value = written.isBlank() ? "" : lookup(symbols, written);
            expected.putObject(cell.getKey()).put("written", written).put("value", value);
        }
        hop.put("framesCaptured", framesCaptured);
        hop.put("verdict", problems.isEmpty() ? "passed" : "failed");
        ArrayNode why = hop.putArray("problems");
        problems.forEach(why::add);
        passed &= problems.isEmpty();
        frame.ifPresent(found -> {
            hop.put("headers", EchoPackets.headers(found));
            hop.set("frame", JsonEvidence.frame(found, List.of()));
        });
        json.put("verdict", passed ? "passed" : "failed");
    }

    ObjectNode json() {
        json.put("verdict", passed ? "passed" : "failed");
        return json;
    }

    private static String lookup(Symbols symbols, String cell) {
        try {
            return symbols.lookup(cell).orElse(cell);
        } catch (RuntimeException e) {
            return cell;
        }
    }
}
