package org.flannel.reference.backend.udp;

import java.io.IOException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.tun.TunDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The udp backend's data path, which lives in flanneld (the only backend where it does): one thread
 * per direction between the TUN device and the UDP socket, and the counters' log. Closing it stops
 * both threads and closes the socket and the device.
 */
final class DataPath implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DataPath.class);
    private static final Duration JOIN_LIMIT = Duration.ofSeconds(5);

    private final TunDevice tun;
    private final DatagramChannel socket;
    private final CounterLog counterLog;
    private final Thread fromTun;
    private final Thread fromUdp;

    private DataPath(TunDevice tun, DatagramChannel socket, PeerTable peers, Ip4 tunAddress) {
        this.tun = tun;
        this.socket = socket;
        DirectionCounters tunCounters = new DirectionCounters(tun.name() + "->UDP");
        DirectionCounters udpCounters = new DirectionCounters("UDP->" + tun.name());
        this.counterLog = new CounterLog(tunCounters, udpCounters);
        this.fromTun = thread(
                "udp-" + tun.name() + "-to-udp", new TunToUdp(tun, socket, peers, tunAddress.bits(), tunCounters));
        this.fromUdp = thread("udp-udp-to-" + tun.name(), new UdpToTun(socket, tun, peers, udpCounters));
    }

    static DataPath start(TunDevice tun, DatagramChannel socket, PeerTable peers, Ip4 tunAddress) {
        DataPath dataPath = new DataPath(tun, socket, peers, tunAddress);
        dataPath.fromTun.start();
        dataPath.fromUdp.start();
        dataPath.counterLog.start(CounterLog.PERIOD);
        return dataPath;
    }

    /** The socket first, so a send under way ends at once; then the device, whose waiting read ends soon. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing the UDP socket: {}", e.getMessage());
        }
        tun.close();
        join(fromTun);
        join(fromUdp);
        counterLog.close();
    }

    private static Thread thread(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void join(Thread thread) {
        try {
            thread.join(JOIN_LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
