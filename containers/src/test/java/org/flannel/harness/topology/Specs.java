package org.flannel.harness.topology;

import java.util.Map;

/** The topologies the contract tests build on every driver. */
public final class Specs {
    private Specs() {}

    /** node1, node2 and etcd on one segment. */
    public static TopologySpec twoNodesWithEtcd() {
        return TopologySpec.builder()
                .segment("underlay", "10.168.0.0/24")
                .node("node1", "underlay", "10.168.0.2")
                .node("node2", "underlay", "10.168.0.3")
                .etcd("underlay", "10.168.0.10")
                .build();
    }

    /** Two segments joined by a router: node1, node2 and etcd on underlay, node3 on underlay2. */
    public static TopologySpec routed() {
        return TopologySpec.builder()
                .segment("underlay", "10.168.0.0/24")
                .segment("underlay2", "10.168.1.0/24")
                .node("node1", "underlay", "10.168.0.2")
                .node("node2", "underlay", "10.168.0.3")
                .node("node3", "underlay2", "10.168.1.2")
                .router("router", Map.of("underlay", "10.168.0.1", "underlay2", "10.168.1.1"))
                .etcd("underlay", "10.168.0.10")
                .build();
    }

    /** {@code count} nodes on one /16 underlay (node k at 10.168.1.k, so up to 254) and etcd at 10.168.0.10. */
    public static TopologySpec nodesOnOneUnderlay(int count) {
        TopologySpec.Builder spec = TopologySpec.builder().segment("underlay", "10.168.0.0/16");
        for (int k = 1; k <= count; k++) {
            spec.node("node" + k, "underlay", "10.168.1." + k);
        }
        return spec.etcd("underlay", "10.168.0.10").build();
    }
}
