package org.flannel.harness.topology.netns;

import static org.assertj.core.api.Assertions.assertThat;

import org.flannel.harness.topology.Node;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologySpec;
import org.junit.jupiter.api.Test;

class MultiSegmentIT {
    @Test
    void attachGivesANodeEth1OnASecondSegment() {
        try (Topology topo = new NetnsDriver().create(TopologySpec.builder()
                .segment("public", "10.168.0.0/24")
                .segment("private", "10.169.0.0/24")
                .node("node1", "public", "10.168.0.2")
                .attach("node1", "private", "10.169.0.2")
                .node("node2", "private", "10.169.0.3")
                .node("node3", "public", "10.168.0.4")
                .build())) {
            Node node1 = topo.node("node1");

            assertThat(node1.exec("ip", "-4", "-o", "addr", "show", "eth1").orThrow().stdout()).contains("10.169.0.2/24");
            assertThat(node1.exec("ip", "route", "show", "default").orThrow().stdout().lines()).singleElement()
                    .asString().startsWith("default dev eth0 ");
            assertThat(topo.node("node2").exec("ping", "-c", "1", "-W", "2", "10.169.0.2").exitCode()).isZero();
            assertThat(topo.node("node3").exec("ping", "-c", "1", "-W", "2", "10.168.0.2").exitCode()).isZero();
            assertThat(topo.node("node3").exec("ping", "-c", "1", "-W", "1", "10.169.0.3").exitCode())
                    .as("segments are separate L2 domains and node1 routes nothing between them for node3")
                    .isNotZero();
        }
    }
}
