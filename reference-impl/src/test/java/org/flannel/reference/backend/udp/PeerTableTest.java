package org.flannel.reference.backend.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.junit.jupiter.api.Test;

class PeerTableTest {

    private final PeerTable table = new PeerTable(8285);

    private static int ip(String dotted) {
        return Ip4.parse(dotted).bits();
    }

    private static InetSocketAddress at(String publicIp) {
        return new InetSocketAddress(Ip4.parse(publicIp).toInetAddress(), 8285);
    }

    private static InetAddress address(String dotted) {
        return Ip4.parse(dotted).toInetAddress();
    }

    @Test
    void anEmptyTableKnowsNoDestination() {
        assertThat(table.lookup(ip("10.1.16.3"))).isNull();
        assertThat(table.size()).isZero();
    }

    @Test
    void aDestinationInsideAPeersSubnetGoesToItsPublicIpOnThisNodesPort() {
        table.put(Ip4Net.parse("10.1.16.0/24"), Ip4.parse("10.168.0.3"));

        assertThat(table.lookup(ip("10.1.16.3"))).isEqualTo(at("10.168.0.3"));
        assertThat(table.lookup(ip("10.1.16.0"))).isEqualTo(at("10.168.0.3"));
        assertThat(table.lookup(ip("10.1.16.255"))).isEqualTo(at("10.168.0.3"));
        assertThat(table.lookup(ip("10.1.17.0"))).isNull();
        assertThat(table.lookup(ip("10.1.15.255"))).isNull();
    }

    @Test
    void eachDestinationGoesToTheRightOneOfSeveralPeers() {
        table.put(Ip4Net.parse("10.1.16.0/24"), Ip4.parse("10.168.0.3"));
        table.put(Ip4Net.parse("10.1.17.0/24"), Ip4.parse("10.168.0.4"));
        table.put(Ip4Net.parse("10.1.18.0/24"), Ip4.parse("10.168.0.5"));

        assertThat(table.lookup(ip("10.1.17.9"))).isEqualTo(at("10.168.0.4"));
        assertThat(table.lookup(ip("10.1.18.9"))).isEqualTo(at("10.168.0.5"));
        assertThat(table.lookup(ip("10.1.16.9"))).isEqualTo(at("10.168.0.3"));
        assertThat(table.size()).isEqualTo(3);
    }

    @Test
    void theLongestMatchWinsWhateverTheOrderOfInsertion() {
        table.put(Ip4Net.parse("10.1.0.0/16"), Ip4.parse("10.168.0.9"));
        table.put(Ip4Net.parse("10.1.16.0/24"), Ip4.parse("10.168.0.3"));
        table.put(Ip4Net.parse("10.1.16.128/25"), Ip4.parse("10.168.0.7"));

        assertThat(table.lookup(ip("10.1.16.200"))).isEqualTo(at("10.168.0.7"));
        assertThat(table.lookup(ip("10.1.16.3"))).isEqualTo(at("10.168.0.3"));
        assertThat(table.lookup(ip("10.1.99.3"))).isEqualTo(at("10.168.0.9"));
    }

    @Test
    void aRenewedLeaseWithANewPublicIpMovesThePeer() {
        table.put(Ip4Net.parse("10.1.16.0/24"), Ip4.parse("10.168.0.3"));
        table.put(Ip4Net.parse("10.1.16.0/24"), Ip4.parse("10.168.0.30"));

        assertThat(table.lookup(ip("10.1.16.3"))).isEqualTo(at("10.168.0.30"));
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.isPeer(address("10.168.0.3"))).isFalse();
        assertThat(table.isPeer(address("10.168.0.30"))).isTrue();
    }

    @Test
    void aRemovedPeerIsNoLongerADestinationNorASource() {
        table.put(Ip4Net.parse("10.1.16.0/24"), Ip4.parse("10.168.0.3"));
        table.put(Ip4Net.parse("10.1.17.0/24"), Ip4.parse("10.168.0.4"));

        assertThat(table.remove(Ip4Net.parse("10.1.16.0/24"))).isTrue();

        assertThat(table.lookup(ip("10.1.16.3"))).isNull();
        assertThat(table.isPeer(address("10.168.0.3"))).isFalse();
        assertThat(table.lookup(ip("10.1.17.3"))).isEqualTo(at("10.168.0.4"));
        assertThat(table.isPeer(address("10.168.0.4"))).isTrue();
    }

    @Test
    void removingAnUnknownSubnetSaysSoAndChangesNothing() {
        table.put(Ip4Net.parse("10.1.16.0/24"), Ip4.parse("10.168.0.3"));

        assertThat(table.remove(Ip4Net.parse("10.1.17.0/24"))).isFalse();
        assertThat(table.lookup(ip("10.1.16.3"))).isEqualTo(at("10.168.0.3"));
    }

    @Test
    void onlyPeersPublicIpsAreKnownSources() {
        table.put(Ip4Net.parse("10.1.16.0/24"), Ip4.parse("10.168.0.3"));

        assertThat(table.isPeer(address("10.168.0.3"))).isTrue();
        assertThat(table.isPeer(address("10.168.0.66"))).isFalse();
        assertThat(table.isPeer(address("10.1.16.0"))).isFalse();
    }

    @Test
    void aPeerStaysASourceWhileAnyOfItsSubnetsRemains() {
        table.put(Ip4Net.parse("10.1.16.0/24"), Ip4.parse("10.168.0.3"));
        table.put(Ip4Net.parse("10.1.17.0/24"), Ip4.parse("10.168.0.3"));

        table.remove(Ip4Net.parse("10.1.16.0/24"));

        assertThat(table.isPeer(address("10.168.0.3"))).isTrue();
    }

    @Test
    void anotherPortIsUsedForEveryPeer() {
        PeerTable custom = new PeerTable(9000);
        custom.put(Ip4Net.parse("10.1.16.0/24"), Ip4.parse("10.168.0.3"));

        assertThat(custom.lookup(ip("10.1.16.3")).getPort()).isEqualTo(9000);
    }
}
