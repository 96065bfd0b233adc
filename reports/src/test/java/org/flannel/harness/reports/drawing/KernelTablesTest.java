package org.flannel.harness.reports.drawing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flannel.harness.contracts.evidence.CheckVerdict;
import org.flannel.harness.contracts.evidence.KernelTableEvidence;
import org.flannel.harness.reports.Fixtures;
import org.flannel.harness.reports.evidence.Showcase;
import org.junit.jupiter.api.Test;

class KernelTablesTest {
    private final Showcase showcase = new Showcase(Fixtures.run(Fixtures.PASSED));

    @Test
    void node1sTablesAreRead() {
        assertThat(showcase.kernelTable("route -n", "vxlan")).isPresent();
        assertThat(showcase.kernelTable("ip neigh", "vxlan")).isPresent();
        assertThat(showcase.kernelTable("bridge fdb", "vxlan")).isPresent();
    }

    @Test
    void rowsPrintAsTheSeedPrintsThem() {
        KernelTableEvidence route =
                showcase.kernelTable("route -n", "vxlan").orElseThrow().evidence();
        KernelTableEvidence neigh =
                showcase.kernelTable("ip neigh", "vxlan").orElseThrow().evidence();
        KernelTableEvidence fdb =
                showcase.kernelTable("bridge fdb", "vxlan").orElseThrow().evidence();
        String vtep = neigh.expected().get(0).cells().get(1);

        assertThat(KernelTables.line(route, List.of("10.1.16.0", "10.1.16.0", "255.255.255.0", "UG", "flannel.1")))
                .isEqualTo("10.1.16.0       10.1.16.0       255.255.255.0   UG    flannel.1");
        assertThat(KernelTables.line(neigh, neigh.actual().get(0)))
                .isEqualTo("10.1.16.0 lladdr " + vtep + " PERMANENT");
        assertThat(KernelTables.line(fdb, fdb.actual().get(0)))
                .isEqualTo(vtep + " dev flannel.1 dst 10.168.0.3 self permanent");
        assertThat(neigh.expected().get(0).written()).containsExactly("10.1.16.0", "node2.vtep.mac", "PERMANENT");
    }

    @Test
    void expectedRowsAreMarkedFoundOrMissing() {
        KernelTableEvidence route =
                showcase.kernelTable("route -n", "vxlan").orElseThrow().evidence();
        KernelTableEvidence missing = new KernelTableEvidence(
                "node1",
                "route -n",
                CheckVerdict.FAILED,
                route.columns(),
                List.of(new KernelTableEvidence.ExpectedRow(
                        List.of("10.1.99.0", "10.1.99.0", "255.255.255.0", "UG", "flannel.1"),
                        List.of("10.1.99.0", "10.1.99.0", "255.255.255.0", "UG", "flannel.1"),
                        false)),
                route.actual());

        assertThat(KernelTables.render(route)).contains("<b class=\"ok\">✓</b>").doesNotContain("missing</b>");
        assertThat(KernelTables.render(missing)).contains("10.1.99.0", "✗ missing</b>");
    }
}
