package org.flannel.reference.subnet.etcd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flannel.reference.cli.GoDuration;
import org.flannel.reference.cli.GoTime;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's own lease alive (local_manager.go CompleteLease): renews it {@code margin} before it
 * expires, retries every minute on failure, follows changes others make to it, and reports its deletion
 * (expiry or a manual delete) so that the daemon can shut down. Runs on the thread that follows etcd:
 * {@link #handle} is called there, and the scheduler runs the renewals there.
 */
public final class LeaseKeeper {
    static final Duration RETRY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final OwnLeaseStore store;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Duration margin;
    private final Runnable onRevoked;
    private volatile Lease lease;
    private Scheduler.Scheduled renewal;
    private boolean revoked;

    public LeaseKeeper(
            OwnLeaseStore store, Scheduler scheduler, Clock clock, Lease lease, Duration margin, Runnable onRevoked) {
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
        this.lease = lease;
        this.margin = margin;
        this.onRevoked = onRevoked;
    }

    /**
     * Plans the first renewal from the granted lease's expiration, unless the lease watch already did
     * from etcd's own TTL (its first listing holds this node's lease).
     */
    public void start() {
        scheduler.schedule(
                () -> {
                    if (renewal == null && !revoked) {
                        planRenewal(lease.expiration(), true);
                    }
                },
                Duration.ZERO);
    }

    public Lease lease() {
        return lease;
    }

    /** This node's own lease's events, split off the lease watch from the peers'. */
    public void handle(List<LeaseEvent> events) {
        for (LeaseEvent event : events) {
            if (revoked) {
                return;
            }
            if (event.type() == LeaseEvent.Type.REMOVED) {
                cancelRenewal();
                revoked = true;
                LOG.error("Lease has been revoked. Shutting down daemon.");
                onRevoked.run();
                return;
            }
            // A put (our renewal coming back, or anyone's) may have moved the expiration: read it and re-plan.
            try {
                store.expirationOf(lease.subnet()).ifPresent(expiration -> planRenewal(expiration, true));
            } catch (RegistryException e) {
                LOG.warn("Cannot read the lease's expiration: {}", e.getMessage());
            }
        }
    }

    /** Flannel logs the wait when its watch reports the lease, not when it renews: {@code logged} says which. */
    private void planRenewal(Instant expiration, boolean logged) {
        cancelRenewal();
        if (Instant.MAX.equals(expiration)) {
            LOG.info("Lease of {} is a reservation: it does not expire and is never renewed", lease.subnet());
            return;
        }
        Duration wait = Duration.between(clock.instant(), expiration).minus(margin);
        if (logged) {
            LOG.info("Waiting for {} to renew lease", GoDuration.format(wait));
        }
        renewal = scheduler.schedule(this::renew, wait.isNegative() ? Duration.ZERO : wait);
    }

    private void renew() {
        renewal = null;
        try {
            lease = store.updateLease(lease.subnet(), lease.attrs(), LeaseAcquirer.SUBNET_TTL);
            LOG.info("Lease renewed, new expiration: {}", GoTime.format(lease.expiration()));
            planRenewal(lease.expiration(), false);
        } catch (RegistryException e) {
            LOG.error("Error renewing lease (trying again in 1 min): {}", e.getMessage());
            renewal = scheduler.schedule(this::renew, RETRY);
        }
    }

    private void cancelRenewal() {
        if (renewal != null) {
            renewal.cancel();
            renewal = null;
        }
    }
}
