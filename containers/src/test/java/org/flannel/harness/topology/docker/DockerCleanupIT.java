package org.flannel.harness.topology.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flannel.harness.topology.CleanupContract;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologyDriver;
import org.flannel.harness.topology.TopologySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Containers, networks and the DOCKER-USER rules go too. */
@ExtendWith(DockerAvailable.class)
class DockerCleanupIT extends CleanupContract {
    @Override
    protected TopologyDriver driver() {
        return new DockerDriver();
    }

    @Override
    protected Trace trace(Topology topo) {
        String run = topo.runId();
        assertThat(DockerState.containerNames(run))
                .containsExactly(run + "-etcd", run + "-node1", run + "-node2", run + "-seg-host");
        assertThat(DockerState.networkNames(run)).containsExactly(run + "-00-underlay");
        return () -> {
            assertThat(DockerState.containerNames(run)).isEmpty();
            assertThat(DockerState.networkNames(run)).isEmpty();
            assertThat(HostFirewall.rulesMentioning(run)).isEmpty();
        };
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

        assertThatThrownBy(() -> new DockerDriver(settings).create(overlapping))
                .hasMessageContaining("cannot create Docker network");

        assertThat(DockerState.containerNames("fcfail1")).isEmpty();
        assertThat(DockerState.networkNames("fcfail1")).isEmpty();
        assertThat(settings.workRoot().resolve("fcfail1")).doesNotExist();
    }
}
