package org.flannel.reference.backend.udp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;

/**
 * The peers' subnets and where to send their packets: {@code <PublicIP>:<this node's port>}, as Flannel
 * sends to its own configured port. Changed by the lease watch, read by the data path on every packet:
 * each change publishes a new immutable snapshot, so a lookup takes no lock and allocates nothing.
 */
final class PeerTable {
    private final int port;
    private final Map<Ip4Net, Ip4> peers = new HashMap<>();
    private volatile Snapshot snapshot = Snapshot.of(List.of(), 0);

    PeerTable(int port) {
        this.port = port;
    }

    /** Adds the peer owning {@code subnet}, or moves it to a new public IP. */
    synchronized void put(Ip4Net subnet, Ip4 publicIp) {
        peers.put(subnet, publicIp);
        publish();
    }

    /** Forgets the peer owning {@code subnet}; false when there was none. */
    synchronized boolean remove(Ip4Net subnet) {
        boolean removed = peers.remove(subnet) != null;
        publish();
        return removed;
    }

    /** Where to send a packet for {@code destination}: the longest matching subnet's peer, or null. */
    InetSocketAddress lookup(int destination) {
        return snapshot.lookup(destination);
    }

    /** Whether {@code source} is the public IP of a peer: only those may send into the TUN device. */
    boolean isPeer(InetAddress source) {
        return snapshot.sources.contains(source);
    }

    int size() {
        return snapshot.networks.length;
    }

    private void publish() {
        List<Map.Entry<Ip4Net, Ip4>> entries = new ArrayList<>(peers.entrySet());
        // Longest prefix first, so the first match is the longest; then by address, for a stable order.
        entries.sort(Comparator.comparingInt(
                        (Map.Entry<Ip4Net, Ip4> e) -> -e.getKey().prefixLen())
                .thenComparing(e -> e.getKey().ip()));
        snapshot = Snapshot.of(entries, port);
    }

    /** Parallel arrays for a tight lookup loop, and the set of peer addresses for the source check. */
    private static final class Snapshot {
        final int[] networks;
        final int[] masks;
        final InetSocketAddress[] nextHops;
        final Set<InetAddress> sources;

        private Snapshot(int size) {
            networks = new int[size];
            masks = new int[size];
            nextHops = new InetSocketAddress[size];
            sources = new HashSet<>();
        }

        static Snapshot of(List<Map.Entry<Ip4Net, Ip4>> entries, int port) {
            Snapshot snapshot = new Snapshot(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                Ip4Net subnet = entries.get(i).getKey();
                snapshot.networks[i] = subnet.ip().bits();
                snapshot.masks[i] = subnet.netmask().bits();
                snapshot.nextHops[i] =
                        new InetSocketAddress(entries.get(i).getValue().toInetAddress(), port);
                snapshot.sources.add(entries.get(i).getValue().toInetAddress());
            }
            return snapshot;
        }

        InetSocketAddress lookup(int destination) {
            for (int i = 0; i < networks.length; i++) {
                if ((destination & masks[i]) == networks[i]) {
                    return nextHops[i];
                }
            }
            return null;
        }
    }
}
