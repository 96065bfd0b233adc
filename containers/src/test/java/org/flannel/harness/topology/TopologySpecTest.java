package org.flannel.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopologySpecTest {
    private static TopologySpec.Builder twoNodes() {
        return TopologySpec.builder()
                .segment("underlay", "10.168.0.0/24")
                .node("node1", "underlay", "10.168.0.2")
                .node("node2", "underlay", "10.168.0.3");
    }

    @Test
    void buildsAValidSpec() {
        TopologySpec spec = twoNodes().etcd("underlay", "10.168.0.10").build();

        assertThat(spec.nodes()).extracting(TopologySpec.NodeSpec::name).containsExactly("node1", "node2");
        assertThat(spec.node("node2").orElseThrow().address()).isEqualTo("10.168.0.3");
        assertThat(spec.node("node2").orElseThrow().interfaces().get(0).name()).isEqualTo("eth0");
        assertThat(spec.segment("underlay").orElseThrow().subnet().prefixLength()).isEqualTo(24);
        assertThat(spec.etcd()).contains(new TopologySpec.EtcdSpec("underlay", "10.168.0.10"));
    }

    @Test
    void attachGivesANodeItsNextInterface() {
        TopologySpec spec = twoNodes().segment("second", "10.169.0.0/24").attach("node1", "second", "10.169.0.2").build();

        assertThat(spec.node("node1").orElseThrow().interfaces())
                .containsExactly(new TopologySpec.InterfaceSpec("eth0", "underlay", "10.168.0.2"),
                        new TopologySpec.InterfaceSpec("eth1", "second", "10.169.0.2"));
    }

    @Test
    void unknownSegmentIsNamed() {
        assertThatThrownBy(() -> twoNodes().node("node3", "overlay", "10.168.0.4").build())
                .isInstanceOf(TopologySpecException.class)
                .hasMessageContaining("node 'node3': unknown segment 'overlay' (declared: underlay)");
    }

    @Test
    void duplicateNodeIsRejected() {
        assertThatThrownBy(() -> twoNodes().node("node1", "underlay", "10.168.0.9").build())
                .isInstanceOf(TopologySpecException.class)
                .hasMessageContaining("node 'node1' is declared twice");
    }

    @Test
    void addressOutsideSegmentIsRejected() {
        assertThatThrownBy(() -> twoNodes().node("node3", "underlay", "10.169.0.4").build())
                .hasMessageContaining("node 'node3': address 10.169.0.4 is outside segment 'underlay' (10.168.0.0/24)");
    }

    @Test
    void networkAndBroadcastAddressesAreRejected() {
        assertThatThrownBy(() -> twoNodes().node("node3", "underlay", "10.168.0.255").build())
                .hasMessageContaining("10.168.0.255 is the network or broadcast address");
        assertThatThrownBy(() -> twoNodes().etcd("underlay", "10.168.0.0").build())
                .hasMessageContaining("etcd: address 10.168.0.0 is the network or broadcast address");
    }

    @Test
    void sharedAddressIsRejected() {
        assertThatThrownBy(() -> twoNodes().etcd("underlay", "10.168.0.3").build())
                .hasMessageContaining("etcd: address 10.168.0.3 is already used by node 'node2'");
    }

    @Test
    void badCidrsAreExplained() {
        assertThatThrownBy(() -> TopologySpec.builder().segment("a", "10.168.0.0").build())
                .hasMessageContaining("segment 'a': not a CIDR");
        assertThatThrownBy(() -> TopologySpec.builder().segment("a", "10.168.0.1/24").build())
                .hasMessageContaining("has host bits set; write 10.168.0.0/24");
        assertThatThrownBy(() -> TopologySpec.builder().segment("a", "10.168.0.300/24").build())
                .hasMessageContaining("not an IPv4 address");
    }

    @Test
    void badAndReservedNamesAreRejected() {
        assertThatThrownBy(() -> twoNodes().node("node 3", "underlay", "10.168.0.4").build())
                .hasMessageContaining("node 'node 3': name must match");
        assertThatThrownBy(() -> twoNodes().node("etcd", "underlay", "10.168.0.4").build())
                .hasMessageContaining("name is reserved");
        assertThatThrownBy(() -> twoNodes().node("underlay", "underlay", "10.168.0.4").build())
                .hasMessageContaining("has the name of a segment");
    }

    @Test
    void secondEtcdAndAttachToUnknownNodeAreRejected() {
        assertThatThrownBy(() -> twoNodes().etcd("underlay", "10.168.0.10").etcd("underlay", "10.168.0.11").build())
                .hasMessageContaining("etcd is declared 2 times");
        assertThatThrownBy(() -> twoNodes().attach("node9", "underlay", "10.168.0.9").build())
                .hasMessageContaining("attach: unknown node 'node9'");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        TopologySpecException e = org.junit.jupiter.api.Assertions.assertThrows(TopologySpecException.class,
                () -> twoNodes().node("node1", "underlay", "10.168.0.9").node("node4", "nowhere", "1.2.3.4").build());
        assertThat(e.problems()).hasSize(2);
    }
}
