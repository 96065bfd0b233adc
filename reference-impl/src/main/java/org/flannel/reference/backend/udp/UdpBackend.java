package org.flannel.reference.backend.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import org.flannel.reference.backend.Backend;
import org.flannel.reference.backend.LeaseSource;
import org.flannel.reference.backend.Network;
import org.flannel.reference.kernel.Kernel;
import org.flannel.reference.net.ExternalInterface;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseAttrs;
import org.flannel.reference.subnet.NetworkConfig;
import org.flannel.reference.tun.TunDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The udp backend (udp_amd64.go RegisterNetwork, udp_network_amd64.go newNetwork), in Flannel's order:
 * the lease (only the public IP: no BackendType), the TUN device and its configuration, the UDP socket
 * on the interface's own address, then the data path.
 */
final class UdpBackend implements Backend {
    /** IPv4 header 20 + UDP header 8 bytes. */
    static final int ENCAP_OVERHEAD = 28;
    /**
     * Beyond Flannel (which keeps the default, 208 KiB here): with it, a TCP stream overran the socket's
     * queue in bursts (tens of thousands of drops in 10 s) and lost 5-10% of its throughput. The kernel
     * caps it at net.core.rmem_max.
     */
    static final int RECEIVE_BUFFER = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(UdpBackend.class);

    private final UdpConfig config;
    private final NetworkConfig network;
    private final ExternalInterface iface;
    private final Kernel kernel;

    UdpBackend(UdpConfig config, NetworkConfig network, ExternalInterface iface, Kernel kernel) {
        this.config = config;
        this.network = network;
        this.iface = iface;
        this.kernel = kernel;
    }

    @Override
    public Network register(LeaseSource leases) throws Exception {
        LOG.info("UDP config: {}", config);
        Lease lease = leases.acquire(LeaseAttrs.of(iface.extAddr()));
        int mtu = iface.mtu() - ENCAP_OVERHEAD;

        TunDevice tun;
        try {
            tun = TunDevice.create(UdpConfig.DEVICE_TEMPLATE);
        } catch (IOException e) {
            throw new IOException("failed to open TUN device: " + e.getMessage(), e);
        }
        DatagramChannel socket = null;
        try {
            new UdpDevice(kernel, tun.name()).configure(lease.subnet().ip(), network.network(), mtu);
            socket = listen();
            PeerTable peers = new PeerTable(config.port());
            DataPath dataPath =
                    DataPath.start(tun, socket, peers, lease.subnet().ip());
            LOG.info(
                    "Watching for new subnet leases: {} forwards over UDP port {} on {}",
                    tun.name(),
                    config.port(),
                    iface.ifaceAddr());
            return new UdpNetwork(lease, mtu, peers, dataPath);
        } catch (Exception e) {
            if (socket != null) {
                socket.close();
            }
            tun.close();
            throw e;
        }
    }

    /** Bound to the interface's address, not the public IP, as Flannel does (they differ behind NAT). */
    private DatagramChannel listen() throws IOException {
        DatagramChannel socket = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            socket.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            socket.bind(new InetSocketAddress(iface.ifaceAddr().toInetAddress(), config.port()));
            return socket;
        } catch (IOException e) {
            socket.close();
            throw new IOException("failed to start listening on UDP socket: " + e.getMessage(), e);
        }
    }
}
