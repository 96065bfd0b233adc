package org.flannel.harness.reports.pages;

import java.util.List;
import org.flannel.harness.contracts.evidence.KernelTableEvidence;
import org.flannel.harness.reports.drawing.Html;
import org.flannel.harness.reports.drawing.KernelTables;
import org.flannel.harness.reports.evidence.Showcase;
import org.flannel.harness.reports.model.Scenario;
import org.flannel.harness.reports.seed.SeedStatement;

/**
 * The kernel tables as the seed prints them: the seed's listing for node1, then every table the run
 * read on the nodes, each beside the rows its feature expects.
 */
public final class KernelPage {
    private final Site site;

    public KernelPage(Site site) {
        this.site = site;
    }

    public void write() {
        StringBuilder body = new StringBuilder(
                        "<h1>Kernel tables</h1>\n<p class=\"lead\">With the VXLAN backend, flannel ")
                .append(
                        "programs three things on node1 for each other node: a route to its subnet through <code>flannel.1</code>, ")
                .append(
                        "a permanent neighbour entry giving the MAC of that node's VTEP, and an FDB entry telling the kernel which ")
                .append(
                        "node's address that MAC lives behind. The seed prints them; the run read them on the nodes with iproute2 ")
                .append(
                        "(<code>ip -json</code>, <code>bridge -json</code>), independently of the implementation.</p>\n");
        site.seed().statement("vxlan-state").ifPresent(s -> body.append(
                        "<h2>The seed's listing</h2><div class=\"pair\">")
                .append("<div class=\"zh\" lang=\"zh\">")
                .append(SeedPage.original(listing()))
                .append("</div><div class=\"en\">")
                .append(SeedPage.english(
                        List.of("State on node1 (the seed's example). The MAC 5e:f8:4f:00:e3:37 is node2's "
                                + "VTEP MAC in the seed's cluster; in this run the MAC is another one, node2's flannel.1 MAC, the same "
                                + "in all three tables.")))
                .append("</div></div>\n"));
        List<Scenario> scenarios = new java.util.ArrayList<>(site.run().scenarios());
        // The seed's own example first (VXLAN node state), then by backend as the seed orders them.
        scenarios.sort(java.util.Comparator.comparingInt(KernelPage::rank));
        for (Scenario scenario : scenarios) {
            List<KernelTableEvidence> tables =
                    site.showcase().evidence(scenario).kernelTables();
            if (tables.isEmpty()) {
                continue;
            }
            body.append("<section class=\"kernel-scenario\"><h2>")
                    .append(Site.scenarioLink(scenario, ""))
                    .append("</h2>")
                    .append("<p class=\"small muted\">")
                    .append(Html.esc(scenario.featurePath()))
                    .append("</p><div class=\"tables\">");
            tables.forEach(t -> body.append(KernelTables.render(t)));
            body.append("</div></section>\n");
        }
        site.write("kernel.html", site.layout().page("Kernel tables", "", "kernel.html", body.toString()));
    }

    private List<SeedStatement.Line> listing() {
        return site.seed().statements().stream()
                .filter(s -> s.id().startsWith("vxlan-state-"))
                .flatMap(s -> s.original().stream())
                .toList();
    }

    static int rank(Scenario scenario) {
        if (scenario.featurePath().equals(Showcase.NODE_STATE_FEATURE)) {
            return 0;
        }
        List<String> backends = scenario.backends();
        return backends.contains("vxlan") ? 1 : backends.contains("udp") ? 2 : backends.contains("host-gw") ? 3 : 4;
    }
}
