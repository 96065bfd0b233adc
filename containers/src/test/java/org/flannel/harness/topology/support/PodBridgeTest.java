package org.flannel.harness.topology.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flannel.harness.topology.Ipv4Cidr;
import org.junit.jupiter.api.Test;

class PodBridgeTest {
    @Test
    void allocatesAfterTheBridgeAddress() {
        PodBridge bridge = new PodBridge("node1", Ipv4Cidr.parse("10.1.15.1/24"), 1450);

        assertThat(bridge.allocate()).isEqualTo("10.1.15.2");
        assertThat(bridge.allocate()).isEqualTo("10.1.15.3");
    }

    @Test
    void saysWhenTheSubnetIsFull() {
        PodBridge bridge = new PodBridge("node1", Ipv4Cidr.parse("10.1.15.1/30"), 1450);

        assertThat(bridge.allocate()).isEqualTo("10.1.15.2");
        assertThatThrownBy(bridge::allocate).hasMessageContaining("no free container address left in 10.1.15.1/30");
    }

    @Test
    void aClaimedAddressIsSkippedByLaterAllocations() {
        PodBridge bridge = new PodBridge("node2", Ipv4Cidr.parse("10.1.16.1/24"), 1450);

        assertThat(bridge.claim("10.1.16.3")).isEqualTo("10.1.16.3");
        assertThat(bridge.allocate()).isEqualTo("10.1.16.2");
        assertThat(bridge.allocate()).isEqualTo("10.1.16.4");
    }

    @Test
    void refusesToClaimTheBridgeAnotherSubnetOrATakenAddress() {
        PodBridge bridge = new PodBridge("node2", Ipv4Cidr.parse("10.1.16.1/24"), 1450);
        bridge.claim("10.1.16.3");

        assertThatThrownBy(() -> bridge.claim("10.1.16.1")).hasMessageContaining("not a free container address");
        assertThatThrownBy(() -> bridge.claim("10.1.15.3")).hasMessageContaining("not a free container address");
        assertThatThrownBy(() -> bridge.claim("10.1.16.255")).hasMessageContaining("not a free container address");
        assertThatThrownBy(() -> bridge.claim("10.1.16.3")).hasMessageContaining("already used");
    }
}
