package org.flannel.harness.reports.drawing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flannel.harness.contracts.evidence.DecodedFrame;
import org.flannel.harness.contracts.evidence.FieldVerdict;
import org.flannel.harness.contracts.evidence.HopTraceEvidence;
import org.flannel.harness.contracts.evidence.JudgedBy;
import org.flannel.harness.reports.model.Status;

/**
 * One packet followed from hop to hop: which headers each hop shows, which it added or removed, and which of
 * the seed's seven steps happens there. Drawn as stacks of headers side by side, then as a table.
 */
public final class HopTrace {
    private HopTrace() {}

    /** What happened between the previous hop and this one, in words. */
    public record Change(List<String> added, List<String> removed, List<String> notes) {
        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && notes.isEmpty();
        }

        public String text() {
            List<String> parts = new ArrayList<>();
            if (!added.isEmpty()) {
                parts.add("added " + String.join(", ", added));
            }
            if (!removed.isEmpty()) {
                parts.add("removed " + String.join(", ", removed));
            }
            parts.addAll(notes);
            return parts.isEmpty() ? "nothing changed" : String.join("; ", parts);
        }
    }

    /**
     * The seed's steps (1–7) that a hop shows. The hops before the first encapsulated one are the sender's
     * side: its tunnel device ({@code flannel.*}) shows steps 2 and 3 (encapsulation starts: the inner Ethernet
     * header to the gateway's MAC), those before it step 1 (routed from docker0 to flannel.1). The first
     * encapsulated hop shows steps 4, 5 and 6 (VXLAN, UDP, outer IPv4 headers); every later hop step 7.
     */
    public static List<Integer> seedSteps(List<HopTraceEvidence.Hop> hops, int index) {
        int firstEncapsulated = -1;
        for (int i = 0; i < hops.size(); i++) {
            if (encapsulated(hops.get(i))) {
                firstEncapsulated = i;
                break;
            }
        }
        if (firstEncapsulated < 0) {
            return List.of();
        }
        if (index == firstEncapsulated) {
            return List.of(4, 5, 6);
        }
        if (index > firstEncapsulated) {
            return List.of(7);
        }
        return hops.get(index).device().startsWith("flannel") ? List.of(2, 3) : List.of(1);
    }

    public static boolean encapsulated(HopTraceEvidence.Hop hop) {
        return hop.frame().map(DecodedFrame::encapsulated).orElse(hop.headers().contains("vxlan"));
    }

    /** The headers added or removed since the previous hop, and the rewrites a router makes. */
    public static Change change(Optional<HopTraceEvidence.Hop> previous, HopTraceEvidence.Hop hop) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (previous.isEmpty()
                || hop.frame().isEmpty()
                || previous.get().frame().isEmpty()) {
            return new Change(added, removed, notes);
        }
        DecodedFrame before = previous.get().frame().get();
        DecodedFrame after = hop.frame().get();
        List<String> was = before.protocols();
        List<String> is = after.protocols();
        // The pods' packet is the common tail: headers in front of it were added or removed.
        int common = 0;
        while (common < was.size()
                && common < is.size()
                && was.get(was.size() - 1 - common).equals(is.get(is.size() - 1 - common))) {
            common++;
        }
        List<String> front = is.subList(0, is.size() - common);
        List<String> gone = was.subList(0, was.size() - common);
        if (front.size() > gone.size()) {
            front.subList(0, front.size() - gone.size()).forEach(p -> added.add(outerName(p)));
        } else if (gone.size() > front.size()) {
            gone.subList(0, gone.size() - front.size()).forEach(p -> removed.add(outerName(p)));
        }
        String prefixBefore = before.encapsulated() ? "inner." : "";
        String prefixAfter = after.encapsulated() ? "inner." : "";
        Optional<String> macBefore = before.value(prefixBefore + "ethernet.destination");
        Optional<String> macAfter = after.value(prefixAfter + "ethernet.destination");
        if (macBefore.isPresent() && macAfter.isPresent() && !macBefore.equals(macAfter)) {
            notes.add((after.encapsulated() ? "inner " : "") + "Ethernet header rewritten (to " + macAfter.get() + ")");
        }
        Optional<String> ttlBefore = before.value(prefixBefore + "ipv4.ttl");
        Optional<String> ttlAfter = after.value(prefixAfter + "ipv4.ttl");
        if (ttlBefore.isPresent() && ttlAfter.isPresent() && !ttlBefore.equals(ttlAfter)) {
            notes.add("TTL " + ttlBefore.get() + " → " + ttlAfter.get() + " (routed)");
        }
        return new Change(added, removed, notes);
    }

    private static String outerName(String protocol) {
        return switch (protocol) {
            case "ethernet" -> "outer Ethernet";
            case "ipv4" -> "outer IPv4";
            case "udp" -> "UDP";
            case "vxlan" -> "VXLAN";
            default -> protocol;
        };
    }

    /**
     * The trace: a picture of the header stacks at each hop, then a table (hop, seed step, headers, what
     * changed, Ethernet destination, outer destination, VNI, TTL, verdict), then each hop's frame on request.
     *
     * @param id        prefix of the anchors: {@code id-<n>} for hop n (from 1)
     * @param stepLinks link each seed step number to the flow page's step anchors
     */
    public static String render(HopTraceEvidence trace, String id, boolean stepLinks) {
        StringBuilder html = new StringBuilder();
        List<HopTraceEvidence.Hop> hops = trace.hops();
        html.append("<div class=\"trace\" id=\"").append(Html.esc(id)).append("\">\n<div class=\"stacks\">");
        for (int i = 0; i < hops.size(); i++) {
            HopTraceEvidence.Hop hop = hops.get(i);
            html.append("<a class=\"stack ")
                    .append(Status.of(hop.verdict()).cssClass())
                    .append("\" href=\"#")
                    .append(Html.esc(id))
                    .append('-')
                    .append(i + 1)
                    .append("\"><span class=\"where\">")
                    .append(Html.esc(hop.host()))
                    .append("<br><b>")
                    .append(Html.esc(hop.device()))
                    .append("</b></span><span class=\"steps\">");
            for (int step : seedSteps(hops, i)) {
                html.append("<span class=\"step\" title=\"the seed's step ")
                        .append(step)
                        .append("\">")
                        .append(step)
                        .append("</span>");
            }
            html.append("</span>");
            List<String> layers = hop.frame()
                    .map(f -> f.layers().stream().map(DecodedFrame.Layer::name).toList())
                    .orElse(List.of(hop.headers().isBlank() ? "(not seen)" : hop.headers()));
            for (String layer : layers) {
                html.append("<span class=\"h p-")
                        .append(Html.esc(FrameVocabulary.protocolOf(layer)))
                        .append(layer.startsWith("inner.") ? " inner" : "")
                        .append("\">")
                        .append(Html.esc(shortLayer(layer)))
                        .append("</span>");
            }
            html.append("<span class=\"ttl\">TTL ").append(Html.esc(ttl(hop))).append("</span></a>");
            if (i + 1 < hops.size()) {
                html.append("<span class=\"arrow\" aria-hidden=\"true\">→</span>");
            }
        }
        html.append(
                        "</div>\n<table class=\"hops\"><thead><tr><th>#</th><th>hop</th><th>seed step</th><th>headers seen</th>")
                .append(
                        "<th>what changed since the hop before</th><th>Ethernet destination</th><th>outer IPv4 destination</th>")
                .append("<th>VNI</th><th>TTL</th><th>verdict</th></tr></thead><tbody>\n");
        for (int i = 0; i < hops.size(); i++) {
            HopTraceEvidence.Hop hop = hops.get(i);
            Change change = change(i == 0 ? Optional.empty() : Optional.of(hops.get(i - 1)), hop);
            DecodedFrame frame = hop.frame().orElse(null);
            String prefix = frame != null && frame.encapsulated() ? "outer." : "";
            html.append("<tr id=\"")
                    .append(Html.esc(id))
                    .append('-')
                    .append(i + 1)
                    .append("\" class=\"")
                    .append(Status.of(hop.verdict()).cssClass())
                    .append("\"><td>")
                    .append(i + 1)
                    .append("</td><td><code>")
                    .append(Html.esc(hop.point()))
                    .append("</code></td><td>");
            for (int step : seedSteps(hops, i)) {
                html.append(
                        stepLinks
                                ? "<a class=\"step\" href=\"#step-" + step + "\">" + step + "</a> "
                                : "<span class=\"step\">" + step + "</span> ");
            }
            html.append("</td><td>")
                    .append(Html.esc(hop.headers().isBlank() ? "not seen" : hop.headers()))
                    .append("</td><td>")
                    .append(Html.esc(i == 0 ? "sent by the pod" : change.text()))
                    .append("</td>")
                    .append(expectedCell(
                            hop,
                            "ethernet destination",
                            frame == null ? Optional.empty() : frame.value(prefix + "ethernet.destination")))
                    .append(expectedCell(
                            hop,
                            "outer ipv4 destination",
                            frame == null ? Optional.empty() : frame.value("outer.ipv4.destination")))
                    .append(expectedCell(hop, "vni", frame == null ? Optional.empty() : frame.value("vxlan.vni")))
                    .append(expectedCell(hop, "packet ttl", Optional.of(ttl(hop))))
                    .append("<td>")
                    .append(Html.badge(hop.verdict()));
            if (!hop.problems().isEmpty()) {
                html.append("<ul class=\"problems\">");
                hop.problems()
                        .forEach(p -> html.append("<li>").append(Html.esc(p)).append("</li>"));
                html.append("</ul>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table>\n<div class=\"hop-frames\">");
        for (int i = 0; i < hops.size(); i++) {
            HopTraceEvidence.Hop hop = hops.get(i);
            Optional<DecodedFrame> judged = judgedFrame(hop);
            if (judged.isPresent()) {
                html.append("<details><summary>The frame at hop ")
                        .append(i + 1)
                        .append(", <code>")
                        .append(Html.esc(hop.point()))
                        .append("</code>: ")
                        .append(Html.esc(judged.get().summary()))
                        .append("</summary>")
                        .append(FrameDiagram.render(judged.get(), id + "-" + (i + 1) + "-frame", Set.of(), false))
                        .append("</details>\n");
            }
        }
        html.append("</div>\n</div>\n");
        return html.toString();
    }

    private static String expectedCell(HopTraceEvidence.Hop hop, String column, Optional<String> actual) {
        HopTraceEvidence.Cell cell = hop.expected().get(column);
        String found = actual.orElse("");
        if (cell == null || cell.written().isBlank()) {
            return "<td class=\"muted\">" + Html.esc(found) + "</td>";
        }
        boolean ok = found.equals(cell.value());
        StringBuilder html = new StringBuilder("<td class=\"")
                .append(ok ? "ok" : "bad")
                .append("\" title=\"expected: ")
                .append(Html.esc(cell.written()))
                .append(cell.written().equals(cell.value()) ? "" : " = " + Html.esc(cell.value()))
                .append("\">")
                .append(Html.esc(found.isEmpty() ? "(none)" : found));
        if (!cell.written().equals(cell.value())) {
            html.append("<br><small>").append(Html.esc(cell.written())).append("</small>");
        }
        if (!ok) {
            html.append("<br><small>expected ").append(Html.esc(cell.value())).append("</small>");
        }
        return html.append("</td>").toString();
    }

    static String ttl(HopTraceEvidence.Hop hop) {
        return hop.frame()
                .flatMap(f -> f.value((f.encapsulated() ? "inner." : "") + "ipv4.ttl"))
                .orElse("?");
    }

    private static String shortLayer(String layer) {
        return layer.replace("outer.", "outer ")
                .replace("inner.", "inner ")
                .replace("ethernet", "Ethernet")
                .replace("ipv4", "IPv4")
                .replace("udp", "UDP")
                .replace("vxlan", "VXLAN")
                .replace("icmp", "ICMP");
    }

    /** The layer a seed step adds at the first encapsulated hop: 4 VXLAN, 5 UDP, 6 outer IPv4. */
    static Optional<String> layerOfStep(int step) {
        return switch (step) {
            case 4 -> Optional.of("vxlan");
            case 5 -> Optional.of("outer.udp");
            case 6 -> Optional.of("outer.ipv4");
            default -> Optional.empty();
        };
    }

    /**
     * What one seed step looks like in the trace: the hops that show it, what changed there, and for the
     * steps that add a header (3 to 6), that header drawn with its captured values.
     */
    public static String renderStep(HopTraceEvidence trace, int step, String id, String flowHref) {
        List<HopTraceEvidence.Hop> hops = trace.hops();
        StringBuilder html = new StringBuilder("<div class=\"step-evidence\">");
        boolean any = false;
        for (int i = 0; i < hops.size(); i++) {
            if (!seedSteps(hops, i).contains(step)) {
                continue;
            }
            any = true;
            HopTraceEvidence.Hop hop = hops.get(i);
            Change change = change(i == 0 ? Optional.empty() : Optional.of(hops.get(i - 1)), hop);
            html.append("<div class=\"hop-card ")
                    .append(Status.of(hop.verdict()).cssClass())
                    .append("\"><a href=\"")
                    .append(flowHref)
                    .append("#request-")
                    .append(i + 1)
                    .append("\">hop ")
                    .append(i + 1)
                    .append(", <code>")
                    .append(Html.esc(hop.point()))
                    .append("</code></a>: ")
                    .append(Html.esc(hop.headers().isBlank() ? "not seen" : hop.headers()))
                    .append(" · TTL ")
                    .append(Html.esc(ttl(hop)))
                    .append(" · ")
                    .append(Html.esc(i == 0 ? "sent by the pod" : change.text()))
                    .append(' ')
                    .append(Html.badge(hop.verdict()))
                    .append("</div>");
            Optional<DecodedFrame> frame = judgedFrame(hop);
            Optional<String> layer = layerOfStep(step);
            if (step == 3 && frame.isPresent() && !frame.get().encapsulated()) {
                layer = Optional.of("ethernet");
            }
            if (frame.isPresent()
                    && layer.isPresent()
                    && frame.get().layer(layer.get()).isPresent()) {
                html.append(FrameDiagram.render(frame.get(), id + "-" + (i + 1), Set.of(layer.get()), false));
            }
            if (step != 7 && step != 1 && layer.isPresent()) {
                break; // the header is drawn once
            }
        }
        if (!any) {
            html.append("<p class=\"muted small\">No hop of this run shows it.</p>");
        }
        return html.append("</div>").toString();
    }

    /** A hop's frame with the fields its row checks (destination MAC, outer destination, VNI, TTL) coloured. */
    public static Optional<DecodedFrame> judgedFrame(HopTraceEvidence.Hop hop) {
        return hop.frame().map(frame -> {
            String outer = frame.encapsulated() ? "outer." : "";
            String inner = frame.encapsulated() ? "inner." : "";
            Map<String, String> columns = Map.of(
                    outer + "ethernet.destination",
                    "ethernet destination",
                    "outer.ipv4.destination",
                    "outer ipv4 destination",
                    "vxlan.vni",
                    "vni",
                    inner + "ipv4.ttl",
                    "packet ttl");
            List<DecodedFrame.Layer> layers = new ArrayList<>();
            for (DecodedFrame.Layer layer : frame.layers()) {
                List<DecodedFrame.Field> fields = new ArrayList<>();
                for (DecodedFrame.Field field : layer.fields()) {
                    String column = columns.get(field.name());
                    fields.add(
                            column == null
                                    ? field
                                    : judged(field, hop.expected().get(column)));
                }
                layers.add(new DecodedFrame.Layer(layer.name(), layer.protocol(), layer.offset(), fields));
            }
            return frame.withLayers(layers);
        });
    }

    /** The field as the hop's row judged it; as it was when the row leaves its column empty. */
    private static DecodedFrame.Field judged(DecodedFrame.Field field, HopTraceEvidence.Cell cell) {
        if (cell == null || cell.written().isBlank()) {
            return field;
        }
        String expected = cell.written().equals(cell.value()) ? cell.value() : cell.written() + " = " + cell.value();
        boolean ok = field.value().equals(cell.value());
        return field.judged(ok ? FieldVerdict.PASSED : FieldVerdict.FAILED, expected, JudgedBy.TABLE);
    }
}
