package org.flannel.reference.subnet.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.flannel.reference.cli.GoTime;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseAttrs;
import org.flannel.reference.subnet.LeaseEvent;
import org.flannel.reference.testing.CapturedStderr;
import org.flannel.reference.testing.ManualTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The renewal's timing on a clock the test moves: no test here waits for real time. */
class LeaseKeeperTest {

    private static final Instant GRANTED = Instant.parse("2026-12-05T18:30:17Z");
    private static final Duration TTL = Duration.ofHours(24);
    private static final Duration LARGEST_MARGIN = Duration.ofMinutes(1439);
    private static final Duration DEFAULT_MARGIN = Duration.ofMinutes(60);
    private static final Ip4Net SUBNET = Ip4Net.parse("10.1.15.0/24");
    private static final LeaseAttrs ATTRS = LeaseAttrs.of(Ip4.parse("10.168.0.2"));

    /** etcd's side of this node's lease: when its key expires, and each renewal. */
    private final class FakeStore implements OwnLeaseStore {
        Instant expiration = GRANTED.plus(TTL);
        int renewals;
        int failuresToCome;
        LeaseAttrs lastWritten;

        @Override
        public Lease updateLease(Ip4Net subnet, LeaseAttrs attrs, Duration ttl) throws RegistryException {
            if (failuresToCome > 0) {
                failuresToCome--;
                throw new RegistryException("etcd: cannot grant a lease: connection refused", null);
            }
            renewals++;
            lastWritten = attrs;
            expiration = time.instant().plus(ttl);
            return new Lease(subnet, null, attrs, expiration);
        }

        @Override
        public Optional<Instant> expirationOf(Ip4Net subnet) {
            return Optional.ofNullable(expiration);
        }
    }

    private final ManualTime time = new ManualTime(GRANTED);
    private final FakeStore store = new FakeStore();
    private final AtomicInteger revocations = new AtomicInteger();
    private final CapturedStderr log = new CapturedStderr();

    @AfterEach
    void closeLog() {
        log.close();
    }

    private LeaseKeeper keeper(Duration margin, Instant expiration) {
        return new LeaseKeeper(
                store, time, time, new Lease(SUBNET, null, ATTRS, expiration), margin, revocations::incrementAndGet);
    }

    private LeaseKeeper started(Duration margin) {
        LeaseKeeper keeper = keeper(margin, GRANTED.plus(TTL));
        keeper.start();
        time.runDue();
        return keeper;
    }

    private static LeaseEvent ownPut() {
        return LeaseEvent.added(new Lease(SUBNET, null, ATTRS, null));
    }

    @Test
    void withTheLargestMarginTheLeaseFallsDueAMinuteAfterItsGrantAndIsRenewedThenWithItsValue() {
        LeaseKeeper keeper = started(LARGEST_MARGIN);
        assertThat(log.text()).contains("Waiting for 1m0s to renew lease");

        time.advance(Duration.ofSeconds(59));
        assertThat(store.renewals).isZero();
        time.advance(Duration.ofSeconds(1));

        assertThat(store.renewals).isEqualTo(1);
        assertThat(store.lastWritten).isEqualTo(ATTRS);
        assertThat(store.expiration)
                .isEqualTo(GRANTED.plus(Duration.ofMinutes(1)).plus(TTL));
        assertThat(keeper.lease().expiration()).isEqualTo(store.expiration);
        assertThat(log.text()).contains("Lease renewed, new expiration: " + GoTime.format(store.expiration));
        // And again a minute later, for as long as the margin says so.
        assertThat(time.untilNextTask()).contains(Duration.ofMinutes(1));
        time.advance(Duration.ofMinutes(1));
        assertThat(store.renewals).isEqualTo(2);
    }

    @Test
    void withTheDefaultMarginTheLeaseIsRenewed23HoursAfterItsGrant() {
        started(DEFAULT_MARGIN);
        assertThat(log.text()).contains("Waiting for 23h0m0s to renew lease");

        time.advance(Duration.ofHours(23).minusMillis(1));
        assertThat(store.renewals).isZero();
        time.advance(Duration.ofMillis(1));
        assertThat(store.renewals).isEqualTo(1);
    }

    @Test
    void theWaitIsPrintedAsGoPrintsDurations() {
        LeaseKeeper keeper = keeper(DEFAULT_MARGIN, GRANTED.plus(TTL).minusMillis(1010));
        keeper.start();
        time.runDue();

        assertThat(log.text()).contains("Waiting for 22h59m58.99s to renew lease");
    }

    @Test
    void aFailedRenewalIsTriedAgainEveryMinuteUntilItSucceeds() {
        started(LARGEST_MARGIN);
        store.failuresToCome = 2;

        time.advance(Duration.ofMinutes(1));
        assertThat(store.renewals).isZero();
        assertThat(time.untilNextTask()).contains(Duration.ofMinutes(1));
        time.advance(Duration.ofMinutes(1));
        assertThat(store.renewals).isZero();
        time.advance(Duration.ofSeconds(59));
        assertThat(store.renewals).isZero();
        time.advance(Duration.ofSeconds(1));

        assertThat(store.renewals).isEqualTo(1);
        assertThat(store.expiration)
                .isEqualTo(GRANTED.plus(Duration.ofMinutes(3)).plus(TTL));
        assertThat(log.text()
                        .split(
                                "Error renewing lease \\(trying again in 1 min\\): "
                                        + "etcd: cannot grant a lease: connection refused",
                                -1))
                .hasSize(3);
    }

    @Test
    void theRenewalComingBackThroughTheWatchIsWhatLogsTheNextWait() {
        LeaseKeeper keeper = started(LARGEST_MARGIN);
        time.advance(Duration.ofMinutes(1));
        assertThat(log.text().split("Waiting for", -1)).hasSize(2); // the renewal itself plans quietly

        keeper.handle(List.of(ownPut()));

        assertThat(log.text().split("Waiting for 1m0s to renew lease", -1)).hasSize(3);
        assertThat(time.untilNextTask()).contains(Duration.ofMinutes(1));
    }

    @Test
    void aPutByAnotherProcessMovesTheRenewalToWhatEtcdNowSays() {
        LeaseKeeper keeper = started(LARGEST_MARGIN);
        store.expiration = GRANTED.plus(TTL).plus(Duration.ofMinutes(5));

        keeper.handle(List.of(ownPut()));

        assertThat(log.text()).contains("Waiting for 6m0s to renew lease");
        time.advance(Duration.ofMinutes(5).plusSeconds(59));
        assertThat(store.renewals).isZero();
        time.advance(Duration.ofSeconds(1));
        assertThat(store.renewals).isEqualTo(1);
    }

    @Test
    void theLeasesDeletionRevokesItOnceAndNothingIsRenewedAfterwards() {
        LeaseKeeper keeper = started(LARGEST_MARGIN);

        keeper.handle(List.of(LeaseEvent.removed(SUBNET), ownPut()));
        keeper.handle(List.of(LeaseEvent.removed(SUBNET)));
        time.advance(Duration.ofDays(2));

        assertThat(revocations).hasValue(1);
        assertThat(store.renewals).isZero();
        assertThat(time.untilNextTask()).isEmpty();
        assertThat(log.text()).contains("ERROR LeaseKeeper - Lease has been revoked. Shutting down daemon.");
    }

    @Test
    void aRevocationBeforeTheStartLeavesNothingToStart() {
        LeaseKeeper keeper = keeper(LARGEST_MARGIN, GRANTED.plus(TTL));
        keeper.handle(List.of(LeaseEvent.removed(SUBNET)));

        keeper.start();
        time.advance(Duration.ofDays(2));

        assertThat(store.renewals).isZero();
        assertThat(revocations).hasValue(1);
    }

    @Test
    void whenTheFirstListingAlreadyPlannedTheRenewalStartingPlansNothingMore() {
        LeaseKeeper keeper = keeper(LARGEST_MARGIN, GRANTED.plus(TTL));
        store.expiration = GRANTED.plus(TTL).minusSeconds(1); // etcd counts whole seconds
        keeper.handle(List.of(ownPut()));

        keeper.start();
        time.runDue();

        assertThat(log.text().split("Waiting for", -1)).hasSize(2);
        assertThat(log.text()).contains("Waiting for 59s to renew lease");
        time.advance(Duration.ofSeconds(59));
        assertThat(store.renewals).isEqualTo(1);
    }

    @Test
    void aReservationIsNeverRenewed() {
        LeaseKeeper keeper = keeper(DEFAULT_MARGIN, Instant.MAX);
        keeper.start();
        time.advance(Duration.ofDays(3));

        assertThat(store.renewals).isZero();
        assertThat(log.text()).contains("is a reservation: it does not expire and is never renewed");
    }
}
