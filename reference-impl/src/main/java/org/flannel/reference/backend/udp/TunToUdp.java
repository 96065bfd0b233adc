package org.flannel.reference.backend.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import org.flannel.reference.tun.TunDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * flannel0 to the peers (Flannel's tun_to_udp): each packet the kernel routed into the TUN device goes,
 * TTL decremented and otherwise unchanged, as the payload of one UDP datagram to the peer that owns
 * its destination; with no such peer, an ICMP net unreachable goes back into the TUN device.
 * One thread, one reused buffer; nothing is allocated or logged per packet.
 */
final class TunToUdp implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(TunToUdp.class);
    static final int MAX_PACKET = 65535;

    private final TunDevice tun;
    private final DatagramChannel socket;
    private final PeerTable peers;
    private final int tunAddress;
    private final DirectionCounters counters;
    private final ByteBuffer packet = ByteBuffer.allocateDirect(MAX_PACKET);
    private final ByteBuffer answer = ByteBuffer.allocateDirect(NetUnreachable.MAX_LENGTH);
    private boolean sendFailureLogged;

    TunToUdp(TunDevice tun, DatagramChannel socket, PeerTable peers, int tunAddress, DirectionCounters counters) {
        this.tun = tun;
        this.socket = socket;
        this.peers = peers;
        this.tunAddress = tunAddress;
        this.counters = counters;
    }

    @Override
    public void run() {
        try {
            while (true) {
                packet.clear();
                int length = tun.read(packet);
                forward(length);
            }
        } catch (ClosedChannelException stopped) {
            // The data path is closing.
        } catch (IOException e) {
            LOG.error("UDP data path: stopped reading {}: {}", tun.name(), e.getMessage());
        }
    }

    private void forward(int length) throws ClosedChannelException {
        if (length < Ipv4Header.MIN_LENGTH) {
            counters.dropped(Drop.TOO_SHORT);
            return;
        }
        if (Ipv4Header.version(packet) != 4) {
            counters.dropped(Drop.NOT_IPV4);
            return;
        }
        InetSocketAddress peer = peers.lookup(Ipv4Header.destination(packet));
        if (peer == null) {
            counters.dropped(Drop.NO_PEER);
            answerNetUnreachable(length);
            return;
        }
        if (!Ipv4Header.decrementTtl(packet)) {
            counters.dropped(Drop.TTL_EXPIRED);
            return;
        }
        packet.position(0).limit(length);
        try {
            socket.send(packet, peer);
            counters.forwarded(length);
        } catch (ClosedChannelException e) {
            throw e;
        } catch (IOException e) {
            counters.dropped(Drop.SEND_FAILED);
            if (!sendFailureLogged) {
                sendFailureLogged = true;
                LOG.warn(
                        "UDP data path: sending to {} failed: {} (later failures are only counted)",
                        peer,
                        e.getMessage());
            }
        }
    }

    private void answerNetUnreachable(int length) throws ClosedChannelException {
        if (!NetUnreachable.build(packet, length, tunAddress, answer)) {
            return;
        }
        try {
            tun.write(answer);
            counters.answered();
        } catch (ClosedChannelException e) {
            throw e;
        } catch (IOException e) {
            counters.dropped(Drop.WRITE_FAILED);
        }
    }
}
