package org.flannel.reference.backend.hostgw;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * Routes each remote host-gw lease's subnet via its public IP on the external interface
 * (route_network.go). The routes it wants are remembered: every 10 s those missing from the kernel
 * (deleted by someone, or refused because the peer is not on-link) are added again. A refused route
 * is reported with the reason and never stops the others.
 */
final class HostGwNetwork implements Network {
    static final long RECHECK_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(HostGwNetwork.class);

    private final Kernel kernel;
    private final ExternalInterface iface;
    private final Lease lease;
    private final Map<Ip4Net, Route> wanted = new LinkedHashMap<>();
    private final ScheduledExecutorService recheck;

    HostGwNetwork(Kernel kernel, ExternalInterface iface, Lease lease) {
        this(kernel, iface, lease, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "host-gw-route-check");
            thread.setDaemon(true);
            return thread;
        }));
        recheck.scheduleWithFixedDelay(this::restoreMissingRoutes, RECHECK_SECONDS, RECHECK_SECONDS, TimeUnit.SECONDS);
    }

    /** For tests: no background re-check unless they run {@link #restoreMissingRoutes()} themselves. */
    HostGwNetwork(Kernel kernel, ExternalInterface iface, Lease lease, ScheduledExecutorService recheck) {
        this.kernel = kernel;
        this.iface = iface;
        this.lease = lease;
        this.recheck = recheck;
    }

    @Override
    public Lease lease() {
        return lease;
    }

    /** No encapsulation: pods get the underlay's MTU. */
    @Override
    public int mtu() {
        return iface.mtu();
    }

    /** Synchronized, as the removal, with the re-check that runs on its own thread. */
    @Override
    public synchronized void peerAdded(Lease remote) {
        String type = remote.attrs().backendType();
        if (!HostGwBackend.TYPE.equals(type)) {
            LOG.warn("Ignoring non-host-gw subnet: type={}", type == null ? "" : type);
            return;
        }
        Route route = Route.via(remote.subnet(), remote.attrs().publicIp(), Optional.of(iface.name()));
        wanted.put(remote.subnet(), route);
        Optional<Route> existing = kernel.routes().stream()
                .filter(r -> r.destination().equals(remote.subnet()))
                .findFirst();
        if (existing.isPresent() && sameRoute(existing.get(), route)) {
            LOG.info("Route to {} already exists, skipping.", route);
            return;
        }
        if (existing.isPresent()) {
            LOG.warn("Replacing existing route to {} with {}", existing.get(), route);
        }
        add(route);
    }

    @Override
    public synchronized void peerRemoved(Ip4Net subnet) {
        Route route = wanted.remove(subnet);
        if (route == null) {
            return;
        }
        try {
            kernel.deleteRoute(route);
        } catch (KernelException e) {
            LOG.error("Error deleting route to {}: {}", subnet, e.getMessage());
        }
    }

    /** Replace semantics: a differing route to the same destination is overwritten in one step. */
    private boolean add(Route route) {
        try {
            kernel.replaceRoute(route);
            return true;
        } catch (KernelException e) {
            LOG.error("Error adding route to {}: {}", route, e.getMessage());
            return false;
        }
    }

    /** Every wanted route the kernel does not have is added again; refusals are logged each time. */
    synchronized void restoreMissingRoutes() {
        try {
            List<Route> present = kernel.routes();
            for (Route route : wanted.values()) {
                if (present.stream().noneMatch(r -> sameRoute(r, route)) && add(route)) {
                    LOG.info(
                            "Route recovered {} : {}",
                            route.destination(),
                            route.gateway().orElseThrow());
                }
            }
        } catch (KernelException e) {
            LOG.warn("Cannot check the routes: {}", e.getMessage());
        }
    }

    private static boolean sameRoute(Route a, Route b) {
        return a.destination().equals(b.destination())
                && a.gateway().equals(b.gateway())
                && a.device().equals(b.device());
    }

    @Override
    public void close() {
        recheck.shutdownNow();
    }
}
