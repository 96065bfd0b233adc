package org.flannel.reference.backend.vxlan;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.flannel.reference.backend.Network;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.kernel.Kernel;
import org.flannel.reference.kernel.KernelException;
import org.flannel.reference.kernel.Route;
import org.flannel.reference.net.ExternalInterface;
import org.flannel.reference.subnet.Lease;
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
    /** Like Flannel's retry.Do around each entry: the kernel can refuse transiently (a device still settling). */
    private static final int PROGRAMMING_ATTEMPTS = 3;

    private final Kernel kernel;
    private final VxlanConfig config;
    private final ExternalInterface iface;
    private final Lease lease;
    private final int mtu;
    private final Map<Ip4Net, VxlanPeer> peers = new HashMap<>();

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
    public void peerAdded(Lease remote) {
        String type = remote.attrs().backendType();
        if (!"vxlan".equals(type)) {
            LOG.warn(
                    "ignoring non-vxlan v4Subnet({}) v6Subnet({}): type={}",
                    remote.subnet(),
                    remote.ipv6Subnet() == null ? "<nil>" : remote.ipv6Subnet(),
                    type == null ? "" : type);
            return;
        }
        Optional<VxlanLeaseData> data = VxlanLeaseData.from(remote.attrs().backendData());
        if (data.isEmpty()) {
            LOG.warn("ignoring vxlan lease {}: its BackendData has no valid VtepMAC", remote.subnet());
            return;
        }
        VxlanPeer peer = new VxlanPeer(
                remote.subnet(),
                remote.attrs().publicIp(),
                data.get().vtepMac(),
                config.directRouting() && onLink(remote));
        VxlanPeer previous = peers.get(peer.subnet());
        if (previous != null && !previous.equals(peer)) {
            LOG.info("Lease {} changed: {} -> {}", peer.subnet(), previous, peer);
            forgetOld(previous, peer);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                program(peer);
                peers.put(peer.subnet(), peer);
                return;
            } catch (KernelException e) {
                if (attempt == PROGRAMMING_ATTEMPTS) {
                    LOG.error(
                            "Cannot program the route to {} via {}: {}",
                            peer.subnet(),
                            peer.publicIp(),
                            e.getMessage());
                    return;
                }
                pause(attempt);
            }
        }
    }

    /**
     * A peer that moved (a new VTEP MAC after a reboot, a new public IP, on-link now or no longer) leaves
     * behind only what the replacements will not overwrite: its old FDB entry, keyed by the old MAC, or
     * the other mode's entries. The route is replaced in place, never removed, so traffic has no gap.
     */
    private void forgetOld(VxlanPeer previous, VxlanPeer peer) {
        if (previous.direct() != peer.direct()) {
            unprogram(previous);
            return;
        }
        boolean movedVtep = !previous.vtepMac().equals(peer.vtepMac())
                || !previous.publicIp().equals(peer.publicIp());
        if (!previous.direct() && movedVtep) {
            String device = config.deviceName();
            logged(
                    "FDB entry " + previous.vtepMac(),
                    () -> kernel.deleteFdbEntry(device, previous.vtepMac(), previous.publicIp()));
        }
    }

    @Override
    public void peerRemoved(Ip4Net subnet) {
        VxlanPeer peer = peers.remove(subnet);
        if (peer == null) {
            LOG.debug("Lease {} removed; nothing was programmed for it", subnet);
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
            logged(
                    "route " + peer.subnet(),
                    () -> kernel.deleteRoute(Route.via(peer.subnet(), peer.publicIp(), Optional.empty())));
            return;
        }
        logged(
                "neighbour " + peer.subnet().ip(),
                () -> kernel.deleteNeighbour(device, peer.subnet().ip()));
        logged("FDB entry " + peer.vtepMac(), () -> kernel.deleteFdbEntry(device, peer.vtepMac(), peer.publicIp()));
        logged(
                "route " + peer.subnet(),
                () -> kernel.deleteRoute(
                        Route.onlinkVia(peer.subnet(), peer.subnet().ip(), device)));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** DirectRouting applies when the kernel reaches the peer's public IP without a gateway. */
    private boolean onLink(Lease remote) {
        try {
            return kernel.routeTo(remote.attrs().publicIp())
                    .map(route -> route.gateway().isEmpty())
                    .orElse(false);
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
