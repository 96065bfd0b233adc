package org.flannel.harness.expect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flannel.harness.wire.Frame;

/**
 * The identification of outer IPv4 headers that may be fragmented (DF clear). RFC 791 reassembles fragments by
 * source, destination, protocol and identification, and RFC 6864 §4.2 keeps the rule for such non-atomic
 * datagrams: one sender must not reuse an identification towards the same destination while an earlier
 * datagram may still be in flight. Linux's tunnels take it from the kernel's per-destination counter
 * ({@code __ip_select_ident}); a header built with a fixed identification (0, say) breaks it as soon as the
 * underlay fragments. Datagrams with DF set are atomic and their identification means nothing (RFC 6864 §4.1):
 * they are not judged.
 */
public final class OuterIdentification {

    private OuterIdentification() {}

    /**
     * No two fragmentable outer IPv4 headers with one source, destination and protocol share an identification.
     * The capture must hold at least two encapsulated frames; those with DF set pass as they are.
     */
    public static CaptureVerdict unique(List<Frame> frames) {
        Map<String, Map<String, List<Frame>>> byPath = new LinkedHashMap<>();
        int judged = 0;
        int encapsulated = 0;
        for (Frame frame : frames) {
            if (!frame.isEncapsulated()) {
                continue;
            }
            encapsulated++;
            if (!frame.value("outer.ipv4.flags.df").filter("0"::equals).isPresent()) {
                continue;
            }
            judged++;
            String path = frame.value("outer.ipv4.source").orElse("?") + " > "
                    + frame.value("outer.ipv4.destination").orElse("?") + " protocol "
                    + frame.value("outer.ipv4.protocol").orElse("?");
            byPath.computeIfAbsent(path, key -> new LinkedHashMap<>())
                    .computeIfAbsent(frame.value("outer.ipv4.identification").orElse("?"), key -> new ArrayList<>())
                    .add(frame);
        }
        boolean ok = encapsulated >= 2;
        StringBuilder report = new StringBuilder();
        report.append(encapsulated)
                .append(" encapsulated frame(s), ")
                .append(judged)
                .append(" with DF clear; no two"
                        + " of those with one outer source, destination and protocol may share an identification\n");
        for (Map.Entry<String, Map<String, List<Frame>>> path : byPath.entrySet()) {
            int repeated = 0;
            for (Map.Entry<String, List<Frame>> id : path.getValue().entrySet()) {
                if (id.getValue().size() > 1) {
                    repeated++;
                    report.append("  ✗ ")
                            .append(path.getKey())
                            .append(": identification ")
                            .append(id.getKey())
                            .append(" in frames ")
                            .append(String.join(
                                    " ",
                                    id.getValue().stream()
                                            .map(frame -> "#" + frame.number())
                                            .toList()))
                            .append('\n');
                }
            }
            ok &= repeated == 0;
            int count = path.getValue().values().stream().mapToInt(List::size).sum();
            report.append("  ")
                    .append(repeated == 0 ? "✓ " : "✗ ")
                    .append(path.getKey())
                    .append(": ")
                    .append(count)
                    .append(" frame(s), ")
                    .append(path.getValue().size())
                    .append(" identification(s): ")
                    .append(String.join(" ", path.getValue().keySet()))
                    .append('\n');
        }
        if (encapsulated < 2) {
            report.append("  ✗ fewer than two encapsulated frames: nothing to compare\n");
        } else if (judged < encapsulated) {
            report.append("  ")
                    .append(encapsulated - judged)
                    .append(" with DF set: atomic, their identification" + " is not judged\n");
        }
        return new CaptureVerdict(ok, report.toString());
    }
}
