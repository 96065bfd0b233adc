package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.flannel.harness.kernel.RouteRow;
import org.flannel.harness.run.RunSettings;
import org.flannel.harness.topology.TopologySpec;
import org.junit.jupiter.api.Test;

class ScaleClusterTest {
    private static ScaleCluster of(int nodes) {
        return new ScaleCluster(RunSettings.from(Map.of("flannel.scale.nodes", String.valueOf(nodes))::get));
    }

    @Test
    void theLargestClusterKeepsEveryNodeApartFromEtcdAndTheSpareAfterTheLast() {
        ScaleCluster cluster = of(RunSettings.MAX_SCALE_NODES);
        TopologySpec spec = cluster.oneUnderlay(true);

        assertThat(spec.nodes()).hasSize(RunSettings.MAX_SCALE_NODES + 1);
        assertThat(spec.nodes().stream().map(TopologySpec.NodeSpec::address))
                .doesNotHaveDuplicates()
                .doesNotContain("10.168.0.10")
                .contains("10.168.1.1", "10.168.1.251");
        assertThat(cluster.spare()).contains("node251");
        assertThat(cluster.last()).isEqualTo("node250");
        assertThat(cluster.nodes()).hasSize(250).doesNotContain("node251");
    }

    @Test
    void withoutASpareThereIsNone() {
        ScaleCluster cluster = of(20);
        assertThat(cluster.oneUnderlay(false).nodes()).hasSize(20);
        assertThat(cluster.spare()).isEmpty();
    }

    @Test
    void twoSegmentsAlternateTheNodesBehindOneRouter() {
        TopologySpec spec = of(4).twoSegments();

        assertThat(spec.node("node1").orElseThrow().address()).isEqualTo("10.168.1.1");
        assertThat(spec.node("node2").orElseThrow().address()).isEqualTo("10.169.1.2");
        assertThat(spec.routers()).hasSize(1);
        assertThat(spec.gateway("node2")).contains("10.169.0.1");
        assertThat(of(4).segmentOf("node3")).isEqualTo("underlay");
    }

    @Test
    void aRoutesNetworkIsItsDestinationWithTheGenmasksLength() {
        assertThat(new RouteRow("10.1.16.0", "10.1.16.0", "255.255.255.0", "UG", "flannel.1", "onlink").network())
                .isEqualTo("10.1.16.0/24");
        assertThat(new RouteRow("10.168.0.0", "0.0.0.0", "255.255.0.0", "U", "eth0", "").network())
                .isEqualTo("10.168.0.0/16");
        assertThat(new RouteRow("0.0.0.0", "10.168.0.1", "0.0.0.0", "UG", "eth0", "").network())
                .isEqualTo("0.0.0.0/0");
    }
}
