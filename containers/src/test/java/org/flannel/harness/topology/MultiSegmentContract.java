package org.flannel.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Nodes on more than one segment get eth0, eth1 ... in the spec's order, each on its own L2 domain. */
public abstract class MultiSegmentContract {
    protected abstract TopologyDriver driver();

    @Test
    void attachGivesANodeEth1OnASecondSegmentInTheSpecsOrder() {
        try (Topology topo = driver().create(TopologySpec.builder()
                .segment("public", "10.168.0.0/24")
                .segment("private", "10.169.0.0/24")
                .node("node1", "public", "10.168.0.2")
                .attach("node1", "private", "10.169.0.2")
                .node("node2", "private", "10.169.0.3")
                .node("node3", "public", "10.168.0.4")
                // node4 wants private as eth0, although the segment is declared second (Docker, for one,
                // names interfaces in network order).
                .node("node4", "private", "10.169.0.4")
                .attach("node4", "public", "10.168.0.5")
                .build())) {
            Node node1 = topo.node("node1");
            Node node4 = topo.node("node4");

            assertThat(node1.exec("ip", "-4", "-o", "addr", "show", "eth1")
                            .orThrow()
                            .stdout())
                    .contains("10.169.0.2/24");
            assertThat(node1.exec("ip", "route", "show", "default")
                            .orThrow()
                            .stdout()
                            .lines())
                    .singleElement()
                    .asString()
                    .startsWith("default dev eth0 ");
            assertThat(node4.exec("ip", "-4", "-o", "addr", "show", "eth0")
                            .orThrow()
                            .stdout())
                    .contains("10.169.0.4/24");
            assertThat(node4.exec("ip", "-4", "-o", "addr", "show", "eth1")
                            .orThrow()
                            .stdout())
                    .contains("10.168.0.5/24");
            assertThat(node4.exec("ip", "route", "show", "default")
                            .orThrow()
                            .stdout()
                            .strip())
                    .startsWith("default dev eth0 ");
            assertThat(node4.exec("ethtool", "-k", "eth1").orThrow().stdout()).contains("tx-checksumming: off");
            assertThat(topo.node("node2")
                            .exec("ping", "-c", "1", "-W", "2", "10.169.0.2")
                            .exitCode())
                    .isZero();
            assertThat(topo.node("node2")
                            .exec("ping", "-c", "1", "-W", "2", "10.169.0.4")
                            .exitCode())
                    .isZero();
            assertThat(topo.node("node3")
                            .exec("ping", "-c", "1", "-W", "2", "10.168.0.2")
                            .exitCode())
                    .isZero();
            assertThat(topo.node("node3")
                            .exec("ping", "-c", "1", "-W", "2", "10.168.0.5")
                            .exitCode())
                    .isZero();
            assertThat(topo.node("node3")
                            .exec("ping", "-c", "1", "-W", "1", "10.169.0.3")
                            .exitCode())
                    .as("segments are separate L2 domains and node1 routes nothing between them for node3")
                    .isNotZero();
        }
    }
}
