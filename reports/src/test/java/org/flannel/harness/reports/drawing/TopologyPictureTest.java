package org.flannel.harness.reports.drawing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flannel.harness.reports.Fixtures;
import org.flannel.harness.reports.evidence.ScenarioEvidence;
import org.flannel.harness.reports.evidence.TopologyData;
import org.flannel.harness.reports.model.Scenario;
import org.junit.jupiter.api.Test;

class TopologyPictureTest {

    @Test
    void theDeclaredTopologyWithItsPodsAndSubnets() {
        Scenario scenario = Fixtures.scenario(Fixtures.run(Fixtures.PASSED), Fixtures.SEVEN_STEPS);
        TopologyData topology = ScenarioEvidence.of(scenario).topology().orElseThrow();

        assertThat(topology.nodes()).extracting(TopologyData.Host::name).containsExactly("node1", "node2");
        assertThat(topology.etcd()).isPresent();
        assertThat(topology.containers())
                .containsExactly(
                        new TopologyData.Container("container-1", "node1", "10.1.15.2"),
                        new TopologyData.Container("container-2", "node2", "10.1.16.3"));
        assertThat(topology.subnets()).containsEntry("node1", "10.1.15.0/24");

        String svg = TopologyPicture.render(topology, "flannel.1", "t");
        assertThat(svg)
                .startsWith("<svg")
                .contains(
                        "node1",
                        "eth0 10.168.0.2",
                        "container-2",
                        "eth0 10.1.16.3",
                        "docker0 10.1.15.1/24",
                        "flannel.1 10.1.15.0/32",
                        "segment underlay 10.168.0.0/24");
    }

    @Test
    void withoutTheAttachmentTheTopologyTableIsRead() {
        TopologyData topology = TopologyData.fromTable(List.of(
                List.of("host", "segment", "address"),
                List.of("node1", "left", "10.168.0.2/24"),
                List.of("router", "left", "10.168.0.1/24"),
                List.of("router", "right", "10.168.1.1/24"),
                List.of("node3", "right", "10.168.1.4/24"),
                List.of("etcd", "left", "10.168.0.10/24")));

        assertThat(topology.segments())
                .extracting(TopologyData.Segment::subnet)
                .containsExactly("10.168.0.0/24", "10.168.1.0/24");
        assertThat(topology.routers()).singleElement().satisfies(r -> assertThat(r.interfaces())
                .hasSize(2));
        assertThat(TopologyPicture.render(topology, "", "t")).contains("router (router)", "eth1 10.168.1.1", "node3");
    }
}
