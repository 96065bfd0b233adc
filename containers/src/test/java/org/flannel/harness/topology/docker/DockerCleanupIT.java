package org.flannel.harness.topology.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flannel.harness.topology.Node;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DockerAvailable.class)
class DockerCleanupIT {
    @Test
    void closeLeavesNoContainerNetworkOrWorkDirectory() throws Exception {
        Topology topo = new DockerDriver().create(TopologySpec.builder()
                .segment("underlay", "10.168.0.0/24")
                .node("node1", "underlay", "10.168.0.2")
                .node("node2", "underlay", "10.168.0.3")
                .etcd("underlay", "10.168.0.10")
                .build());
        String run = topo.runId();
        Path workDir = topo.workDir();
        Node node1 = topo.node("node1");
        Path env = workDir.resolve("node1").resolve("subnet.env");
        Files.writeString(env, "FLANNEL_SUBNET=10.1.15.1/24\nFLANNEL_MTU=1450\n");
        topo.addContainer("pod", "node1", env).start("pod-sleeper", List.of("sleep", "987661"));
        node1.start("sleeper", List.of("sleep", "987662"));
        // Started behind the topology's back: only removing the container ends it.
        node1.exec("sh", "-c", "setsid sleep 987663 >/dev/null 2>&1 < /dev/null &").orThrow();
        topo.capture("node2:eth0", "icmp");

        assertThat(DockerState.containerNames(run)).containsExactly(
                run + "-etcd", run + "-node1", run + "-node2", run + "-seg-host");
        assertThat(DockerState.networkNames(run)).containsExactly(run + "-00-underlay");
        assertThat(workDir).isDirectory();

        topo.close();

        assertThat(DockerState.containerNames(run)).isEmpty();
        assertThat(DockerState.networkNames(run)).isEmpty();
        assertThat(workDir).doesNotExist();
        assertThat(HostFirewall.rulesMentioning(run)).isEmpty();
        assertThatThrownBy(() -> node1.exec("true")).hasMessageContaining("is closed");
        topo.close(); // idempotent
    }

    @Test
    void aFailedCreateRemovesWhatItMade() throws Exception {
        DockerSettings settings = DockerSettings.fromSystemProperties().withRunPrefix("fcfail1");
        // Docker refuses the second network: its subnet overlaps the first one's.
        TopologySpec overlapping = TopologySpec.builder()
                .segment("a", "10.168.0.0/24")
                .segment("b", "10.168.0.0/25")
                .node("node1", "a", "10.168.0.200")
                .node("node2", "b", "10.168.0.100")
                .build();

        assertThatThrownBy(() -> new DockerDriver(settings).create(overlapping)).hasMessageContaining("cannot create Docker network");

        assertThat(DockerState.containerNames("fcfail1")).isEmpty();
        assertThat(DockerState.networkNames("fcfail1")).isEmpty();
        assertThat(settings.workRoot().resolve("fcfail1")).doesNotExist();
    }
}
