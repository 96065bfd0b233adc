package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PeerRouteWayTest {
    private static final String PEER = "10.168.1.2";
    private static final String SUBNET = "10.1.2.0/24";

    @Test
    void vxlanRoutesGoThroughFlannel1ToTheSubnetsAddressOnlink() {
        PeerRouteWay way = PeerRouteWay.of("through flannel.1");
        assertThat(way.matches("via 10.1.2.0 dev flannel.1 onlink", PEER, SUBNET))
                .isTrue();
        assertThat(way.matches("via 10.1.2.0 dev flannel.1", PEER, SUBNET))
                .as("not onlink")
                .isFalse();
        assertThat(way.matches("via 10.1.3.0 dev flannel.1 onlink", PEER, SUBNET))
                .as("another gateway")
                .isFalse();
        assertThat(way.matches("via 10.1.2.0 dev flannel.10 onlink", PEER, SUBNET))
                .as("another device")
                .isFalse();
        assertThat(way.matches("dev flannel.1 scope link", PEER, SUBNET)).isFalse();
        assertThat(way.matches(null, PEER, SUBNET)).as("no route").isFalse();
    }

    @Test
    void hostGwRoutesGoViaThePeersAddressOnTheUnderlay() {
        PeerRouteWay way = PeerRouteWay.of("via that node");
        assertThat(way.matches("via 10.168.1.2 dev eth0", PEER, SUBNET)).isTrue();
        assertThat(way.matches("via 10.168.1.2 dev eth0 proto static", PEER, SUBNET))
                .isTrue();
        assertThat(way.matches("via 10.168.1.20 dev eth0", PEER, SUBNET))
                .as("another node")
                .isFalse();
        assertThat(way.matches("via 10.168.1.2 dev eth1", PEER, SUBNET))
                .as("another device")
                .isFalse();
        assertThat(way.matches("via 10.1.2.0 dev flannel.1 onlink", PEER, SUBNET))
                .isFalse();
    }

    @Test
    void anUnknownPhraseIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> PeerRouteWay.of("by carrier pigeon"))
                .hasMessageContaining("through flannel.1|via that node");
    }
}
