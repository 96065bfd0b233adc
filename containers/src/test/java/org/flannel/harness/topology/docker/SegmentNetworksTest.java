package org.flannel.harness.topology.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.flannel.harness.topology.TopologySpec;
import org.junit.jupiter.api.Test;

class SegmentNetworksTest {
    private final DockerNames names = new DockerNames("fc1a2b");

    @Test
    void networksSortInSpecOrderAndBridgesFitIfnamsiz() {
        TopologySpec spec = TopologySpec.builder()
                .segment("zeta", "10.168.0.0/24")
                .segment("alpha", "10.168.1.0/24")
                .node("node1", "zeta", "10.168.0.2")
                .node("node3", "alpha", "10.168.1.2")
                .router("router", Map.of("zeta", "10.168.0.1", "alpha", "10.168.1.1"))
                .build();

        List<SegmentNetworks.Segment> segments = SegmentNetworks.plan(spec, names);

        assertThat(segments)
                .extracting(SegmentNetworks.Segment::network)
                .containsExactly("fc1a2b-00-zeta", "fc1a2b-01-alpha")
                .isSorted();
        assertThat(segments).extracting(SegmentNetworks.Segment::bridge).containsExactly("fc1a2b-s0", "fc1a2b-s1");
        assertThat(new DockerNames("abcdefgh").bridge(99)).hasSizeLessThanOrEqualTo(15);
    }

    @Test
    void dockersBridgeTakesTheHighestAddressNoHostUses() {
        TopologySpec spec = TopologySpec.builder()
                .segment("underlay", "10.168.0.0/24")
                .node("node1", "underlay", "10.168.0.254")
                .etcd("underlay", "10.168.0.253")
                .build();

        assertThat(SegmentNetworks.plan(spec, names).get(0).bridgeAddress()).isEqualTo("10.168.0.252");
    }

    @Test
    void aFullSegmentIsRefused() {
        TopologySpec spec = TopologySpec.builder()
                .segment("p2p", "10.168.0.0/30")
                .node("node1", "p2p", "10.168.0.1")
                .node("node2", "p2p", "10.168.0.2")
                .build();

        assertThatThrownBy(() -> SegmentNetworks.plan(spec, names))
                .hasMessageContaining("no address left for Docker's bridge");
    }
}
