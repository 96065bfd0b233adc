package org.flannel.harness.contracts.evidence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One packet followed hop by hop ("the echo request from container-1 to container-2 is seen at every hop
 * as:"): per hop the row the feature wrote (symbols resolved), what was found there and the verdict.
 *
 * @param packet      {@code echo request} or {@code echo reply}
 * @param source      the pod that sent it: {@code container-1}
 * @param destination the pod it is for
 */
public record HopTraceEvidence(String packet, String source, String destination, List<Hop> hops, CheckVerdict verdict)
        implements Evidence {
    public static final String KIND = "hop-trace";

    /** What the feature asked of a column at one hop: as written, and the value a symbol stood for. */
    public record Cell(String written, String value) {
        public Cell {
            written = written == null ? "" : written;
            value = value == null ? "" : value;
        }
    }

    /**
     * One capture point on the way.
     *
     * @param point          {@code node1:flannel.1}
     * @param expected       the feature's row: column → cell, in the table's order
     * @param framesCaptured how many frames the capture there held
     * @param problems       what differs, one line each (none when it passed)
     * @param headers        the header stack found ("" when the packet was not found there)
     * @param frame          the packet as found there, decoded
     */
    public record Hop(
            String point,
            Map<String, Cell> expected,
            int framesCaptured,
            CheckVerdict verdict,
            List<String> problems,
            String headers,
            Optional<DecodedFrame> frame) {

        public Hop {
            expected = expected == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(expected));
            problems = Texts.of(problems);
            headers = headers == null ? "" : headers;
            frame = frame == null ? Optional.empty() : frame;
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

        /** The value a column expected here ("" when the row leaves it empty). */
        public String expected(String column) {
            Cell cell = expected.get(column);
            return cell == null ? "" : cell.value();
        }
    }

    public HopTraceEvidence {
        hops = hops == null ? List.of() : List.copyOf(hops);
    }
}
