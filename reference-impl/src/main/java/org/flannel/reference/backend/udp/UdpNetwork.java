package org.flannel.reference.backend.udp;

import org.flannel.reference.backend.Network;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.subnet.Lease;
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
    public void peerAdded(Lease peer) {
        LOG.info("Subnet added: {} via {}", peer.subnet(), peer.attrs().publicIp());
        peers.put(peer.subnet(), peer.attrs().publicIp());
    }

    @Override
    public void peerRemoved(Ip4Net subnet) {
        LOG.info("Subnet removed: {}", subnet);
        peers.remove(subnet);
    }

    @Override
    public void close() throws Exception {
        dataPath.close();
    }
}
