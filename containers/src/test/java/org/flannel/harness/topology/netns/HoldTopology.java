package org.flannel.harness.topology.netns;

import java.util.List;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologySpec;

/** Run by {@link KilledRunIT} in a child JVM: creates a topology, says READY, waits to be killed. */
public final class HoldTopology {
    private HoldTopology() {}

    public static void main(String[] args) throws Exception {
        Topology topo = new NetnsDriver()
                .create(TopologySpec.builder()
                        .segment("underlay", "10.168.0.0/24")
                        .node("node1", "underlay", "10.168.0.2")
                        .etcd("underlay", "10.168.0.10")
                        .build());
        topo.node("node1").start("sleeper", List.of("sleep", "987681"));
        System.out.println("READY " + topo.runId());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
