package org.flannel.reference.subnet.etcd;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's own lease alive (local_manager.go CompleteLease): renews it {@code margin} before it
 * expires, retries every minute on failure, follows changes others make to it, and reports its deletion
 * (expiry or a manual delete) so that the daemon can shut down.
 */
public final class LeaseKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);
    private static final Duration RETRY = Duration.ofMinutes(1);

    private final EtcdRegistry registry;
    private final ScheduledExecutorService thread;
    private final Duration margin;
    private final Runnable onRevoked;
    private volatile Lease lease;
    private ScheduledFuture<?> renewal;

    public LeaseKeeper(EtcdRegistry registry, ScheduledExecutorService thread, Lease lease, Duration margin,
                       Runnable onRevoked) {
        this.registry = registry;
        this.thread = thread;
        this.lease = lease;
        this.margin = margin;
        this.onRevoked = onRevoked;
    }

    public void start() {
        thread.execute(() -> scheduleRenewal(lease.expiration()));
    }

    public Lease lease() {
        return lease;
    }

    /** This node's own lease's events, split off the lease watch from the peers'. Runs on the keeper's thread. */
    public void handle(List<LeaseEvent> events) {
        for (LeaseEvent event : events) {
            if (event.type() == LeaseEvent.Type.REMOVED) {
                cancelRenewal();
                LOG.info("Lease has been revoked. Shutting down daemon.");
                onRevoked.run();
                return;
            }
            // A put (ours or anyone's) may have moved the expiration: read it back and re-plan.
            try {
                registry.expirationOf(lease.subnet()).ifPresent(this::scheduleRenewal);
            } catch (RegistryException e) {
                LOG.warn("Cannot read the lease's expiration: {}", e.getMessage());
            }
        }
    }

    private void scheduleRenewal(Instant expiration) {
        cancelRenewal();
        if (Instant.MAX.equals(expiration)) {
            LOG.info("Lease of {} is a reservation: it does not expire and is never renewed", lease.subnet());
            return;
        }
        Duration wait = Duration.between(Instant.now(), expiration).minus(margin);
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        LOG.info("Waiting for {} to renew lease", org.flannel.reference.cli.GoDuration.format(wait));
        renewal = thread.schedule(this::renew, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void renew() {
        try {
            lease = registry.updateLease(lease.subnet(), lease.attrs(), LeaseAcquirer.SUBNET_TTL);
            LOG.info("Lease renewed, new expiration: {}", lease.expiration());
            scheduleRenewal(lease.expiration());
        } catch (RegistryException e) {
            LOG.error("Error renewing lease (trying again in 1 min): {}", e.getMessage());
            renewal = thread.schedule(this::renew, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void cancelRenewal() {
        if (renewal != null) {
            renewal.cancel(false);
            renewal = null;
        }
    }
}
