package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flannel.harness.kernel.RouteRow;
import org.junit.jupiter.api.Test;

class PeerRouteWayTest {
    private static final String PEER = "10.168.1.2";
    private static final String SUBNET = "10.1.2.0/24";

    /** A route to SUBNET as {@code route -n} reads it: gateway, device, options. */
    private static RouteRow route(String gateway, String iface, String options) {
        return new RouteRow("10.1.2.0", gateway, "255.255.255.0", "UG", iface, options);
    }

    @Test
    void vxlanRoutesGoThroughFlannel1ToTheSubnetsAddressOnlink() {
        PeerRouteWay way = PeerRouteWay.of("through flannel.1");
        assertThat(way.matches(route("10.1.2.0", "flannel.1", "onlink"), PEER, SUBNET))
                .isTrue();
        assertThat(way.matches(route("10.1.2.0", "flannel.1", ""), PEER, SUBNET))
                .as("not onlink")
                .isFalse();
        assertThat(way.matches(route("10.1.3.0", "flannel.1", "onlink"), PEER, SUBNET))
                .as("another gateway")
                .isFalse();
        assertThat(way.matches(route("10.1.2.0", "flannel.10", "onlink"), PEER, SUBNET))
                .as("another device")
                .isFalse();
        assertThat(way.matches(route("0.0.0.0", "flannel.1", ""), PEER, SUBNET)).isFalse();
        assertThat(way.matches(null, PEER, SUBNET)).as("no route").isFalse();
    }

    @Test
    void hostGwRoutesGoViaThePeersAddressOnTheUnderlay() {
        PeerRouteWay way = PeerRouteWay.of("via that node");
        assertThat(way.matches(route("10.168.1.2", "eth0", ""), PEER, SUBNET)).isTrue();
        assertThat(way.matches(route("10.168.1.2", "eth0", "onlink"), PEER, SUBNET))
                .isTrue();
        assertThat(way.matches(route("10.168.1.20", "eth0", ""), PEER, SUBNET))
                .as("another node")
                .isFalse();
        assertThat(way.matches(route("10.168.1.2", "eth1", ""), PEER, SUBNET))
                .as("another device")
                .isFalse();
        assertThat(way.matches(route("10.1.2.0", "flannel.1", "onlink"), PEER, SUBNET))
                .isFalse();
    }

    @Test
    void anUnknownPhraseIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> PeerRouteWay.of("by carrier pigeon"))
                .hasMessageContaining("through flannel.1|via that node");
    }
}
