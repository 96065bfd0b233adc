package org.flannel.reference.backend.udp;

import java.util.List;
import org.flannel.reference.backend.Network;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the remote leases (udp_network_amd64.go processSubnetEvents): each one added or renewed
 * points its subnet at its PublicIP in the data path's peer table, each one removed is forgotten.
 * Leases of every backend type count, as in Flannel. Closing the network stops the data path.
 */
final class UdpNetwork implements Network {
    private static final Logger LOG = LoggerFactory.getLogger(UdpNetwork.class);

    private final Lease lease;
    private final int mtu;
    private final PeerTable peers;
    private final AutoCloseable dataPath;

    UdpNetwork(Lease lease, int mtu, PeerTable peers, AutoCloseable dataPath) {
        this.lease = lease;
        this.mtu = mtu;
        this.peers = peers;
        this.dataPath = dataPath;
    }

    @Override
    public Lease lease() {
        return lease;
    }

    @Override
    public int mtu() {
        return mtu;
    }

    @Override
    public void handle(List<LeaseEvent> events) {
        for (LeaseEvent event : events) {
            if (event.subnet().equals(lease.subnet())) {
                continue;
            }
            if (event.type() == LeaseEvent.Type.ADDED) {
                LOG.info("Subnet added: {} via {}", event.subnet(), event.lease().attrs().publicIp());
                peers.put(event.subnet(), event.lease().attrs().publicIp());
            } else {
                LOG.info("Subnet removed: {}", event.subnet());
                peers.remove(event.subnet());
            }
        }
    }

    @Override
    public void close() throws Exception {
        dataPath.close();
    }
}
