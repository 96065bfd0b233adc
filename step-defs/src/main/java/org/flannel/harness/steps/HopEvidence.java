package org.flannel.harness.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flannel.harness.contracts.evidence.CheckVerdict;
import org.flannel.harness.contracts.evidence.HopTraceEvidence;
import org.flannel.harness.expect.Symbols;
import org.flannel.harness.wire.Frame;

/**
 * One packet followed from hop to hop, for the living documentation: per hop the row the feature wrote
 * (symbols resolved), what was found there (header stack, the whole decoded frame) and the verdict.
 */
final class HopEvidence {
    private final String packet;
    private final String source;
    private final String destination;
    private final List<HopTraceEvidence.Hop> hops = new ArrayList<>();

    HopEvidence(int icmpType, String source, String destination) {
        this.packet = icmpType == EchoPackets.ECHO_REQUEST ? "echo request" : "echo reply";
        this.source = source;
        this.destination = destination;
    }

    void hop(
            Map<String, String> row,
            Symbols symbols,
            Optional<Frame> frame,
            int framesCaptured,
            List<String> problems) {
        Map<String, HopTraceEvidence.Cell> expected = new LinkedHashMap<>();
        for (Map.Entry<String, String> cell : row.entrySet()) {
            if (cell.getKey().equals("hop")) {
                continue;
            }
            String written = cell.getValue() == null ? "" : cell.getValue();
            String value = written.isBlank() ? "" : lookup(symbols, written);
            expected.put(cell.getKey(), new HopTraceEvidence.Cell(written, value));
        }
        hops.add(new HopTraceEvidence.Hop(
                row.get("hop"),
                expected,
                framesCaptured,
                CheckVerdict.of(problems.isEmpty()),
                problems,
                frame.map(EchoPackets::headers).orElse(""),
                frame.map(found -> JsonEvidence.frame(found, List.of()))));
    }

    /** The trace so far: it passes when every hop did. */
    HopTraceEvidence trace() {
        return new HopTraceEvidence(
                packet, source, destination, hops, CheckVerdict.of(hops.stream().allMatch(hop -> hop.verdict()
                        .passed())));
    }

    private static String lookup(Symbols symbols, String cell) {
        try {
            return symbols.lookup(cell).orElse(cell);
        } catch (RuntimeException e) {
            return cell;
        }
    }
}
