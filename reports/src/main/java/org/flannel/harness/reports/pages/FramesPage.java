package org.flannel.harness.reports.pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flannel.harness.contracts.evidence.DecodedFrame;
import org.flannel.harness.contracts.evidence.FrameMatchEvidence;
import org.flannel.harness.reports.drawing.FrameDiagram;
import org.flannel.harness.reports.drawing.Html;
import org.flannel.harness.reports.evidence.Showcase;
import org.flannel.harness.reports.model.Scenario;
import org.flannel.harness.reports.seed.SeedStatement;

/**
 * The frames on the wire, one per backend: the seed's header diagram drawn with the values of the frame
 * captured on node1's eth0, each field coloured by its verdict, its bytes beneath, the table that judged
 * it and the capture to download.
 */
public final class FramesPage {
    static final List<String> BACKENDS = List.of("vxlan", "udp", "host-gw");
    static final Map<String, String> TITLES = Map.of(
            "vxlan",
            "VXLAN: an Ethernet frame inside a UDP datagram",
            "udp",
            "udp: the bare IP packet inside a UDP datagram",
            "host-gw",
            "host-gw: no encapsulation at all");
    static final Map<String, String> EXPLANATIONS = Map.of(
            "vxlan",
                    "The pods' packet (inner IPv4, ICMP) travels inside an inner Ethernet frame addressed to node2's "
                            + "VTEP MAC, behind an 8-byte VXLAN header carrying the VNI, inside a UDP datagram to port 8472, inside "
                            + "an IPv4 packet from node1 to node2: 50 bytes of headers, which is why pods get an MTU of 1450.",
            "udp",
                    "flanneld reads the pods' packet from the TUN device flannel0 (no Ethernet header there: a TUN device "
                            + "works at layer 3) and sends it as the payload of a UDP datagram from port 8285 to port 8285 on node2: "
                            + "28 bytes of headers, so pods get an MTU of 1472.",
            "host-gw",
                    "Nothing is added: the pods' packet goes on the wire as it is, in an Ethernet frame addressed to node2's "
                            + "eth0, because node1 routes 10.1.16.0/24 via node2's address. This only works when the nodes share a "
                            + "layer-2 segment.");

    private final Site site;

    public FramesPage(Site site) {
        this.site = site;
    }

    public void write() {
        StringBuilder body = new StringBuilder(
                        "<h1>Frames on the wire</h1>\n<p class=\"lead\">The seed draws the VXLAN frame ")
                .append(
                        "header by header, 32 bits a row. Here is that drawing again, filled in with a frame this run captured on ")
                .append(
                        "node1's <code>eth0</code> while container-1 pinged container-2 — and the same for the udp and host-gw backends. ")
                .append(
                        "Each field shows its value and, beneath, its bits or bytes; its colour is the verdict of the feature's ")
                .append(
                        "table (or of the protocol's rules for fields the table does not name). Hover a field for its offset and what was expected.</p>\n")
                .append("<ul class=\"toc-inline\">");
        BACKENDS.forEach(b -> body.append("<li><a href=\"#frame-")
                .append(b)
                .append("\">")
                .append(Html.esc(TITLES.get(b)))
                .append("</a></li>"));
        body.append("</ul>\n");
        for (String backend : BACKENDS) {
            body.append(section(backend));
        }
        site.write("frames.html", site.layout().page("Frames on the wire", "", "frames.html", body.toString()));
    }

    String section(String backend) {
        StringBuilder html = new StringBuilder("<section class=\"frame-section\" id=\"frame-")
                .append(backend)
                .append("\">")
                .append("<h2>")
                .append(Html.esc(TITLES.get(backend)))
                .append("</h2>\n<p>")
                .append(Html.esc(EXPLANATIONS.get(backend)))
                .append("</p>\n");
        Optional<Showcase.Pick<FrameMatchEvidence>> pick = site.showcase().frame(backend);
        if (pick.isEmpty() || pick.get().evidence().frame().isEmpty()) {
            return html.append("<p class=\"muted\">No ")
                    .append(backend)
                    .append(
                            " frame was judged in this run (its feature did not run, or ran before frames were attached).</p></section>\n")
                    .toString();
        }
        Scenario scenario = pick.get().scenario();
        FrameMatchEvidence match = pick.get().evidence();
        DecodedFrame frame = match.frame().get();
        html.append("<p class=\"evidence-title\">")
                .append(Html.badge(match.verdict()))
                .append(" Frame ")
                .append(frame.number())
                .append(" of the ")
                .append(match.framesCaptured())
                .append(" captured on <code>")
                .append(Html.esc(match.point()))
                .append("</code> (")
                .append(Html.esc(frame.summary()))
                .append(") in ")
                .append(Site.scenarioLink(scenario, ""));
        pcap(scenario, match.point()).ifPresent(href -> html.append(" · <a class=\"download\" href=\"")
                .append(href)
                .append("\" download>download the capture (pcap)</a>"));
        html.append("</p>\n");
        if (backend.equals("vxlan")) {
            html.append(
                    "<details class=\"seed-ascii\"><summary>The seed's diagram, as written</summary><pre lang=\"zh\">");
            for (SeedStatement statement : site.seed().statements()) {
                if (statement.id().startsWith("vxlan-frame-")) {
                    statement.original().forEach(line -> html.append(Html.esc(line.text()))
                            .append('\n'));
                }
            }
            html.append("</pre></details>\n");
        }
        html.append(FrameDiagram.render(frame, "diagram-" + backend, Set.of(), true));
        html.append(expectations(match));
        return html.append("</section>\n").toString();
    }

    /** The feature's table: each row, the value it stood for, what the frame had. */
    static String expectations(FrameMatchEvidence match) {
        StringBuilder html = new StringBuilder("<details class=\"expectations\"")
                .append(match.verdict().passed() ? "" : " open")
                .append("><summary>The table that judged it: ")
                .append(match.rows().size())
                .append(" rows")
                .append(
                        match.ruleViolations().isEmpty()
                                ? ""
                                : ", " + match.ruleViolations().size() + " broken protocol rules")
                .append(
                        "</summary><table class=\"diff\"><thead><tr><th>layer</th><th>field</th><th>expected</th><th>found</th><th></th>")
                .append("</tr></thead><tbody>");
        for (FrameMatchEvidence.Row row : match.rows()) {
            html.append("<tr class=\"")
                    .append(row.ok() ? "ok" : "bad")
                    .append("\"><td>")
                    .append(Html.esc(row.layer()))
                    .append("</td><td>")
                    .append(Html.esc(row.field()))
                    .append("</td><td><code>")
                    .append(Html.esc(row.expectedValue()))
                    .append("</code></td><td><code>")
                    .append(Html.esc(row.actual()))
                    .append("</code></td><td>")
                    .append(row.ok() ? "✓" : "✗")
                    .append("</td></tr>");
        }
        for (FrameMatchEvidence.RuleViolation violation : match.ruleViolations()) {
            html.append("<tr class=\"bad\"><td colspan=\"2\">")
                    .append(Html.esc(violation.field()))
                    .append("</td><td><code>")
                    .append(Html.esc(violation.expected()))
                    .append("</code></td><td><code>")
                    .append(Html.esc(violation.actual()))
                    .append("</code></td><td>✗</td></tr>");
        }
        return html.append("</tbody></table></details>\n").toString();
    }

    /** The capture of a point in a scenario ({@code node1:eth0} is attached as {@code node1-eth0.pcap}). */
    Optional<String> pcap(Scenario scenario, String point) {
        String name = point.replace(':', '-') + ".pcap";
        return scenario.attachments().stream()
                .filter(a -> a.isPcap() && a.name().equals(name))
                .findFirst()
                .map(a -> site.files().href(a))
                .filter(href -> !href.isEmpty());
    }
}
