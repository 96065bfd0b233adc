package org.flannel.harness.topology.docker;

import java.util.List;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologySpec;

/** Run by {@link DockerKilledRunIT} in a child JVM: creates a topology, says READY, waits to be killed. */
public final class DockerHoldTopology {
    private DockerHoldTopology() {}

    public static void main(String[] args) throws Exception {
        Topology topo = new DockerDriver()
                .create(TopologySpec.builder()
                        .segment("underlay", "10.168.0.0/24")
                        .node("node1", "underlay", "10.168.0.2")
                        .etcd("underlay", "10.168.0.10")
                        .build());
        topo.node("node1").start("sleeper", List.of("sleep", "987681"));
        System.out.println("READY " + topo.runId() + " " + topo.workDir());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
