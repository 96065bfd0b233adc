package org.flannel.harness.reports.pages;

import java.util.Optional;
import java.util.Set;
import org.flannel.harness.contracts.evidence.DecodedFrame;
import org.flannel.harness.contracts.evidence.HopTraceEvidence;
import org.flannel.harness.reports.drawing.FrameDiagram;
import org.flannel.harness.reports.drawing.HopTrace;
import org.flannel.harness.reports.drawing.Html;
import org.flannel.harness.reports.drawing.TopologyPicture;
import org.flannel.harness.reports.evidence.KernelDump;
import org.flannel.harness.reports.evidence.Showcase;
import org.flannel.harness.reports.seed.SeedStatement;

/**
 * The seed's VXLAN flow, followed: its seven steps, each linked to the hops that show it, the same echo
 * request captured at every device from container-1 to container-2 (and the reply on its way back), and
 * the frame as it leaves node1 drawn field by field.
 */
public final class FlowPage {
    private final Site site;

    public FlowPage(Site site) {
        this.site = site;
    }

    public void write() {
        Showcase showcase = site.showcase();
        Optional<Showcase.Pick<HopTraceEvidence>> request = showcase.trace("echo request");
        Optional<Showcase.Pick<HopTraceEvidence>> reply = showcase.trace("echo reply");
        StringBuilder body = new StringBuilder();
        body.append("<h1>Follow a packet through VXLAN</h1>\n")
                .append(
                        "<p class=\"lead\">container-1 on node1 (10.1.15.2) pings container-2 on node2 (10.1.16.3). The pods' ")
                .append("IP packet cannot cross the underlay as it is: the underlay only knows the nodes' addresses ")
                .append(
                        "(10.168.0.x). Flannel's VXLAN backend wraps it, on node1, in an Ethernet frame addressed to node2's ")
                .append("VTEP (the <code>flannel.1</code> device), inside a UDP datagram to node2; node2 unwraps it. ")
                .append(
                        "The seed tells it in seven steps; the run captured the same packet at every device it crossed.</p>\n");
        showcase.topology()
                .ifPresent(
                        pick -> body.append("<figure class=\"picture\">")
                                .append(TopologyPicture.render(
                                        pick.evidence(),
                                        TopologyPicture.tunnelFor(
                                                pick.scenario().backends()),
                                        "the topology: two nodes on one underlay segment, a pod on each, etcd"))
                                .append("<figcaption>The topology the features declare (")
                                .append(Site.scenarioLink(pick.scenario(), ""))
                                .append(
                                        "). The pod's packet goes down from container-1 into node1, across the underlay, and up into container-2.</figcaption></figure>\n"));

        body.append("<h2 id=\"steps\">The seven steps of the seed</h2>\n");
        site.seed().statement("vxlan-flow").ifPresent(flow -> body.append(
                        "<div class=\"pair\"><div class=\"zh\" lang=\"zh\">")
                .append(SeedPage.original(flow.original()))
                .append("</div><div class=\"en\">")
                .append(SeedPage.english(flow.english()))
                .append("</div></div>\n"));
        body.append("<ol class=\"seven\">\n");
        for (int step = 1; step <= 7; step++) {
            Optional<SeedStatement> statement = site.seed().statement("vxlan-flow-" + step);
            body.append("<li id=\"step-")
                    .append(step)
                    .append("\"><div class=\"pair\"><div class=\"zh\" lang=\"zh\">")
                    .append(statement.map(s -> SeedPage.original(s.original())).orElse(""))
                    .append("</div><div class=\"en\">")
                    .append(statement
                            .map(s -> SeedPage.english(s.english())
                                    + (s.note().isEmpty() ? "" : "<p class=\"note\">" + Html.inline(s.note()) + "</p>"))
                            .orElse(""))
                    .append("<p class=\"small\"><a href=\"seed.html#vxlan-flow-")
                    .append(step)
                    .append("\">in the seed, with its scenarios</a></p></div></div>");
            int s = step;
            request.ifPresent(pick -> {
                FlowNarrative narrative = new FlowNarrative(
                        pick.evidence(),
                        FlowNarrative.senderNode(pick.evidence())
                                .flatMap(node -> KernelDump.of(pick.scenario(), node)));
                FlowNarrative.Words words = narrative.step(s);
                body.append("<p class=\"look\">").append(Html.esc(words.text())).append("</p>");
                if (!words.lines().isEmpty()) {
                    body.append("<pre class=\"console\"><span class=\"prompt\">")
                            .append(Html.esc(
                                    FlowNarrative.senderNode(pick.evidence()).orElse("")))
                            .append(" $ ")
                            .append(Html.esc(words.command()))
                            .append("</span>\n")
                            .append(Html.esc(String.join("\n", words.lines())))
                            .append("</pre>");
                }
                body.append(HopTrace.renderStep(pick.evidence(), s, "step-" + s + "-hop", ""));
            });
            body.append("</li>\n");
        }
        body.append("</ol>\n");

        body.append("<h2 id=\"echo-request\">The echo request, hop by hop</h2>\n");
        if (request.isPresent()) {
            body.append("<p>Captured at every hop at once in ")
                    .append(Site.scenarioLink(request.get().scenario(), ""))
                    .append(
                            ". Each column is one capture point, the headers the packet carries there drawn outermost on top. ")
                    .append(
                            "Between <code>flannel.1</code> and <code>eth0</code> on node1, four headers are added (steps 4–6); ")
                    .append(
                            "node2 takes them off again. The TTL drops by one at each routing step, node1's and node2's.</p>\n")
                    .append(HopTrace.render(request.get().evidence(), "request", true));
        } else {
            body.append(
                    "<p class=\"muted\">This run did not follow the echo request hop by hop (the seven-step feature did not run).</p>\n");
        }
        body.append("<h2 id=\"echo-reply\">The echo reply, on its way back</h2>\n");
        if (reply.isPresent()) {
            body.append("<p>The same path the other way: node2 encapsulates, node1 decapsulates.</p>\n")
                    .append(HopTrace.render(reply.get().evidence(), "reply", true));
        } else {
            body.append("<p class=\"muted\">This run did not follow the echo reply.</p>\n");
        }

        body.append("<h2 id=\"frame\">The frame as it leaves node1</h2>\n");
        Optional<HopTraceEvidence.Hop> onTheWire = request.flatMap(pick ->
                pick.evidence().hops().stream().filter(HopTrace::encapsulated).findFirst());
        Optional<DecodedFrame> frame = onTheWire.flatMap(HopTrace::judgedFrame);
        if (frame.isPresent()) {
            body.append("<p>The same echo request on <code>")
                    .append(Html.esc(onTheWire.get().point()))
                    .append("</code>, every header the seven steps put around it: steps 2–3 made the ")
                    .append("<a href=\"#flow-frame-inner-ethernet\">inner Ethernet header</a>, step 4 the ")
                    .append(
                            "<a href=\"#flow-frame-vxlan\">VXLAN header</a>, step 5 the <a href=\"#flow-frame-outer-udp\">UDP header</a>, ")
                    .append(
                            "step 6 the <a href=\"#flow-frame-outer-ipv4\">outer IPv4 header</a> and the outer Ethernet header. ")
                    .append(
                            "The fields the hop-by-hop table checks are coloured; <a href=\"frames.html#frame-vxlan\">every field ")
                    .append(
                            "judged one by one</a> is on the frames page (another scenario: it built its own nodes, so its MAC ")
                    .append("addresses are others).</p>\n")
                    .append(FrameDiagram.render(frame.get(), "flow-frame", Set.of(), true));
        } else {
            body.append("<p class=\"muted\">No encapsulated frame was followed in this run.</p>\n");
        }
        site.write("flow.html", site.layout().page("The VXLAN flow", "", "flow.html", body.toString()));
    }
}
