package org.flannel.reference.subnet.etcd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a view of every lease: list, then watch from the next revision. When the watch ends (history
 * compacted, connection lost) it lists again, on a fresh connection, and reports the difference against
 * what it had handed on ({@link LeaseListingDiff}), so that no lease is missed and a lease deleted
 * meanwhile is still reported as removed, with the attributes it last had. Everything runs on one
 * thread, so consumers see events in order.
 */
public final class LeaseWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseWatcher.class);

    private final LeaseStream registry;
    private final ScheduledExecutorService thread;
    private final Consumer<List<LeaseEvent>> consumer;
    private final Map<Ip4Net, Lease> known = new HashMap<>();
    private AutoCloseable watcher;
    private long generation;
    private final CompletableFuture<Void> firstListing = new CompletableFuture<>();
    private volatile boolean closed;

    public LeaseWatcher(LeaseStream registry, ScheduledExecutorService thread, Consumer<List<LeaseEvent>> consumer) {
        this.registry = registry;
        this.thread = thread;
        this.consumer = consumer;
    }

    /** Starts following etcd; the future completes once the first listing has been handed over. */
    public CompletableFuture<Void> start() {
        thread.execute(() -> resync(false));
        return firstListing;
    }

    /**
     * After a failure the connection is made afresh first: the etcd client's own reconnection backs off
     * up to two minutes, and the agent must see etcd again within a second or two of its return.
     */
    private void resync(boolean afterFailure) {
        if (closed) {
            return;
        }
        try {
            if (afterFailure) {
                closeWatcher();
                registry.reconnect();
            }
            resyncOnce();
        } catch (RegistryException | RuntimeException e) {
            // Whatever went wrong, the view must not stop following etcd: list again in a second.
            LOG.warn("Cannot list and watch leases, trying again in 1 s: {}", e.getMessage());
            thread.schedule(() -> resync(true), 1, TimeUnit.SECONDS);
        }
    }

    private void resyncOnce() throws RegistryException {
        LeaseSnapshot snapshot = registry.leases();
        deliver(LeaseListingDiff.between(known, snapshot.leases()));
        firstListing.complete(null);

        long myGeneration = ++generation;
        closeWatcher();
        watcher = registry.watchLeases(
                snapshot.revision() + 1,
                batch -> thread.execute(() -> {
                    if (myGeneration == generation) {
                        deliver(batch);
                    }
                }),
                error -> thread.execute(() -> {
                    if (myGeneration == generation && !closed) {
                        LOG.info("Lease watch ended ({}); listing leases again", error.getMessage());
                        thread.schedule(() -> resync(true), 1, TimeUnit.SECONDS);
                    }
                }));
    }

    private void deliver(List<LeaseEvent> events) {
        List<LeaseEvent> resolved = new ArrayList<>(events.size());
        for (LeaseEvent event : events) {
            if (event.type() == LeaseEvent.Type.ADDED) {
                known.put(event.subnet(), event.lease());
                resolved.add(event);
                continue;
            }
            // Report the attributes the lease last had: a DELETE event does not always carry them.
            Lease last = known.remove(event.subnet());
            if (last != null) {
                resolved.add(LeaseEvent.removed(last));
            } else if (event.lease() != null) {
                resolved.add(event);
            } else {
                LOG.debug("Lease {} removed before it was ever seen: nothing to report", event.subnet());
            }
        }
        if (!resolved.isEmpty()) {
            try {
                consumer.accept(resolved);
            } catch (RuntimeException e) {
                LOG.error("Handling lease events failed: {}", e.getMessage(), e);
            }
        }
    }

    private void closeWatcher() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (Exception e) {
                LOG.debug("closing the lease watch: {}", e.getMessage());
            }
            watcher = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.execute(this::closeWatcher);
    }
}
