package org.flannel.reference.backend.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseAttrs;
import org.junit.jupiter.api.Test;

/** node1 (10.1.15.0/24) follows node2 (10.1.16.0/24 at 10.168.0.3). */
class UdpNetworkTest {
    private static final Lease OWN = lease("10.1.15.0/24", "10.168.0.2", null);
    private static final Lease PEER = lease("10.1.16.0/24", "10.168.0.3", null);

    private final PeerTable peers = new PeerTable(8285);
    private final AtomicBoolean dataPathClosed = new AtomicBoolean();
    private final UdpNetwork network = new UdpNetwork(OWN, 1472, peers, () -> dataPathClosed.set(true));

    private static Lease lease(String subnet, String publicIp, String backendType) {
        return new Lease(
                Ip4Net.parse(subnet), null, new LeaseAttrs(Ip4.parse(publicIp), null, backendType, null, null), null);
    }

    private InetSocketAddress routeTo(String destination) {
        return peers.lookup(Ip4.parse(destination).bits());
    }

    @Test
    void itReportsItsLeaseAndFlannelsMtu() {
        assertThat(network.lease()).isEqualTo(OWN);
        assertThat(network.mtu()).isEqualTo(1472);
    }

    @Test
    void anAddedLeaseSendsItsSubnetToItsPublicIp() {
        network.peerAdded(PEER);

        assertThat(routeTo("10.1.16.3")).isEqualTo(new InetSocketAddress("10.168.0.3", 8285));
    }

    @Test
    void aRemovedLeaseIsForgotten() {
        network.peerAdded(PEER);

        network.peerRemoved(PEER.subnet());

        assertThat(routeTo("10.1.16.3")).isNull();
        assertThat(peers.size()).isZero();
    }

    @Test
    void leasesOfAnyBackendTypeAreFollowedAsFlannelDoes() {
        network.peerAdded(lease("10.1.17.0/24", "10.168.0.4", "vxlan"));
        network.peerAdded(lease("10.1.18.0/24", "10.168.0.5", "host-gw"));

        assertThat(routeTo("10.1.17.3")).isEqualTo(new InetSocketAddress("10.168.0.4", 8285));
        assertThat(routeTo("10.1.18.3")).isEqualTo(new InetSocketAddress("10.168.0.5", 8285));
    }

    @Test
    void aLeaseChangedInPlaceSendsItsSubnetToItsNewPublicIp() {
        network.peerAdded(PEER);

        network.peerAdded(lease("10.1.16.0/24", "10.168.0.33", null));

        assertThat(routeTo("10.1.16.3")).isEqualTo(new InetSocketAddress("10.168.0.33", 8285));
        assertThat(peers.size()).isOne();
    }

    @Test
    void closingTheNetworkStopsTheDataPath() throws Exception {
        network.close();

        assertThat(dataPathClosed).isTrue();
    }
}
