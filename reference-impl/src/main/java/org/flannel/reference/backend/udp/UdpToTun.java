package org.flannel.reference.backend.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import org.flannel.reference.tun.TunDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peers to flannel0 (Flannel's udp_to_tun): each datagram's payload, TTL decremented, is written
 * into the TUN device. Beyond Flannel, only a peer's datagrams holding one well-formed IPv4 packet get
 * there; the others are counted and dropped. One thread, one reused buffer, nothing logged per packet.
 */
final class UdpToTun implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpToTun.class);

    private final DatagramChannel socket;
    private final TunDevice tun;
    private final PeerTable peers;
    private final DirectionCounters counters;
    /** As large as a datagram can be, so that none is truncated into something that looks whole. */
    private final ByteBuffer packet = ByteBuffer.allocateDirect(TunToUdp.MAX_PACKET);

    private boolean writeFailureLogged;

    UdpToTun(DatagramChannel socket, TunDevice tun, PeerTable peers, DirectionCounters counters) {
        this.socket = socket;
        this.tun = tun;
        this.peers = peers;
        this.counters = counters;
    }

    @Override
    public void run() {
        try {
            while (true) {
                packet.clear();
                // The JDK hands back the same address object while the sender does not change.
                SocketAddress sender = socket.receive(packet);
                deliver((InetSocketAddress) sender, packet.position());
            }
        } catch (ClosedChannelException stopped) {
            // The data path is closing.
        } catch (IOException e) {
            LOG.error("UDP data path: stopped receiving: {}", e.getMessage());
        }
    }

    private void deliver(InetSocketAddress sender, int length) throws ClosedChannelException {
        if (!peers.isPeer(sender.getAddress())) {
            counters.dropped(Drop.UNKNOWN_SOURCE);
            return;
        }
        Drop problem = DatagramCheck.problem(packet, length);
        if (problem != null) {
            counters.dropped(problem);
            return;
        }
        if (!Ipv4Header.decrementTtl(packet)) {
            counters.dropped(Drop.TTL_EXPIRED);
            return;
        }
        packet.position(0).limit(length);
        try {
            tun.write(packet);
            counters.forwarded(length);
        } catch (ClosedChannelException e) {
            throw e;
        } catch (IOException e) {
            counters.dropped(Drop.WRITE_FAILED);
            if (!writeFailureLogged) {
                writeFailureLogged = true;
                LOG.warn(
                        "UDP data path: writing to {} failed: {} (later failures are only counted)",
                        tun.name(),
                        e.getMessage());
            }
        }
    }
}
