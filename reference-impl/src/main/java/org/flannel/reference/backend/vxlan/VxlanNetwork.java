package org.flannel.reference.backend.vxlan;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.flannel.reference.backend.Network;
import org.flannel.reference.kernel.Kernel;
import org.flannel.reference.kernel.KernelException;
import org.flannel.reference.kernel.Route;
import org.flannel.reference.net.ExternalInterface;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.etcd.LeaseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the remote leases (vxlan_network.go): for each, in this order, a permanent neighbour entry
 * for the peer's subnet address with its VTEP MAC, an FDB entry sending that MAC to its public IP, and
 * the route {@code <subnet> via <subnet address> dev flannel.N onlink}, added last so the kernel never
 * has to resolve the gateway itself. A lease that goes takes all three with it.
 */
final class VxlanNetwork implements Network {
    private static final Logger LOG = LoggerFactory.getLogger(VxlanNetwork.class);

    private final Kernel kernel;
    private final VxlanConfig config;
    private final ExternalInterface iface;
    private final Lease lease;
    private final int mtu;
    private final Map<org.flannel.reference.ip.Ip4Net, VxlanPeer> peers = new HashMap<>();

    VxlanNetwork(Kernel kernel, VxlanConfig config, ExternalInterface iface, Lease lease, int mtu) {
        this.kernel = kernel;
        this.config = config;
        this.iface = iface;
        this.lease = lease;
        this.mtu = mtu;
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
            if (event.lease().subnet().equals(lease.subnet())) {
                continue;
            }
            if (event.type() == LeaseEvent.Type.ADDED) {
                added(event.lease());
            } else {
                removed(event.lease());
            }
        }
    }

    private void added(Lease remote) {
        String type = remote.attrs().backendType();
        if (type == null || !type.toLowerCase(Locale.ROOT).equals("vxlan")) {
            LOG.warn("ignoring non-vxlan v4Subnet({}) v6Subnet({}): type={}", remote.subnet(),
                    remote.ipv6Subnet() == null ? "<nil>" : remote.ipv6Subnet(), type == null ? "" : type);
            return;
        }
        Optional<VxlanLeaseData> data = VxlanLeaseData.from(remote.attrs().backendData());
        if (data.isEmpty()) {
            LOG.warn("ignoring vxlan lease {}: its BackendData has no valid VtepMAC", remote.subnet());
            return;
        }
        VxlanPeer peer = new VxlanPeer(remote.subnet(), remote.attrs().publicIp(), data.get().vtepMac(),
                config.directRouting() && onLink(remote));
        VxlanPeer previous = peers.get(peer.subnet());
        if (previous != null && !previous.equals(peer)) {
            // The peer moved (new VTEP MAC after a reboot, new public IP): drop what pointed to the old one.
            LOG.info("Lease {} changed: {} -> {}", peer.subnet(), previous, peer);
            unprogram(previous);
        }
        try {
            program(peer);
            peers.put(peer.subnet(), peer);
        } catch (KernelException e) {
            LOG.error("Cannot program the route to {} via {}: {}", peer.subnet(), peer.publicIp(), e.getMessage());
        }
    }

    private void removed(Lease remote) {
        VxlanPeer peer = peers.remove(remote.subnet());
        if (peer == null) {
            LOG.debug("Lease {} removed; nothing was programmed for it", remote.subnet());
            return;
        }
        LOG.info("Lease {} of {} removed: removing its entries", peer.subnet(), peer.publicIp());
        unprogram(peer);
    }

    private void program(VxlanPeer peer) {
        String device = config.deviceName();
        if (peer.direct()) {
            kernel.replaceRoute(Route.via(peer.subnet(), peer.publicIp(), Optional.empty()));
            return;
        }
        kernel.replacePermanentNeighbour(device, peer.subnet().ip(), peer.vtepMac());
        try {
            kernel.replaceFdbEntry(device, peer.vtepMac(), peer.publicIp());
        } catch (KernelException e) {
            quietly(() -> kernel.deleteNeighbour(device, peer.subnet().ip()));
            throw e;
        }
        try {
            kernel.replaceRoute(Route.onlinkVia(peer.subnet(), peer.subnet().ip(), device));
        } catch (KernelException e) {
            quietly(() -> kernel.deleteNeighbour(device, peer.subnet().ip()));
            quietly(() -> kernel.deleteFdbEntry(device, peer.vtepMac(), peer.publicIp()));
            throw e;
        }
    }

    /** Every removal is attempted, whatever happens to the others. */
    private void unprogram(VxlanPeer peer) {
        String device = config.deviceName();
        if (peer.direct()) {
            logged("route " + peer.subnet(), () -> kernel.deleteRoute(Route.via(peer.subnet(), peer.publicIp(), Optional.empty())));
            return;
        }
        logged("neighbour " + peer.subnet().ip(), () -> kernel.deleteNeighbour(device, peer.subnet().ip()));
        logged("FDB entry " + peer.vtepMac(), () -> kernel.deleteFdbEntry(device, peer.vtepMac(), peer.publicIp()));
        logged("route " + peer.subnet(), () -> kernel.deleteRoute(Route.onlinkVia(peer.subnet(), peer.subnet().ip(), device)));
    }

    /** DirectRouting applies when the kernel reaches the peer's public IP without a gateway. */
    private boolean onLink(Lease remote) {
        try {
            return kernel.routeTo(remote.attrs().publicIp()).map(route -> route.gateway().isEmpty()).orElse(false);
        } catch (KernelException e) {
            return false;
        }
    }

    private static void logged(String what, Runnable action) {
        try {
            action.run();
        } catch (KernelException e) {
            LOG.error("Error deleting {}: {}", what, e.getMessage());
        }
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (KernelException ignored) {
            // Best effort rollback: the original failure is what gets reported.
        }
    }
}
