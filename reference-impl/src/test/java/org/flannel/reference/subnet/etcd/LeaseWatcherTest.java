package org.flannel.reference.subnet.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseAttrs;
import org.flannel.reference.subnet.LeaseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeaseWatcherTest {

    /** Longer than the watcher's 1 s pause before it lists again. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private static Lease lease(String subnet, String publicIp) {
        return new Lease(Ip4Net.parse(subnet), null, LeaseAttrs.of(Ip4.parse(publicIp)), null);
    }

    private static final Lease A = lease("10.1.16.0/24", "10.168.0.3");
    private static final Lease A_MOVED = lease("10.1.16.0/24", "10.168.0.33");
    private static final Lease B = lease("10.1.17.0/24", "10.168.0.4");
    private static final Lease C = lease("10.1.18.0/24", "10.168.0.5");
    private static final Lease D = lease("10.1.19.0/24", "10.168.0.6");

    /** A watch the test drives: it emits events and errors as the etcd client's thread would. */
    static final class FakeWatch implements AutoCloseable {
        final long fromRevision;
        private final Consumer<List<LeaseEvent>> onEvents;
        private final Consumer<Throwable> onError;
        volatile boolean closed;

        FakeWatch(long fromRevision, Consumer<List<LeaseEvent>> onEvents, Consumer<Throwable> onError) {
            this.fromRevision = fromRevision;
            this.onEvents = onEvents;
            this.onError = onError;
        }

        void emit(LeaseEvent... events) {
            onEvents.accept(List.of(events));
        }

        void fail(String why) {
            onError.accept(new RuntimeException(why));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A lease store whose listing the test sets and whose watches it drives. */
    static final class FakeLeaseStream implements LeaseStream {
        volatile LeaseSnapshot snapshot = new LeaseSnapshot(List.of(), 1);
        final AtomicInteger listings = new AtomicInteger();
        final AtomicInteger listingsToRefuse = new AtomicInteger();
        final AtomicInteger reconnections = new AtomicInteger();
        final List<FakeWatch> watches = new CopyOnWriteArrayList<>();

        @Override
        public void reconnect() {
            reconnections.incrementAndGet();
        }

        @Override
        public LeaseSnapshot leases() throws RegistryException {
            listings.incrementAndGet();
            if (listingsToRefuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new RegistryException("etcd: cannot list leases: connection refused", null);
            }
            return snapshot;
        }

        @Override
        public AutoCloseable watchLeases(
                long fromRevision, Consumer<List<LeaseEvent>> onEvents, Consumer<Throwable> onError) {
            FakeWatch watch = new FakeWatch(fromRevision, onEvents, onError);
            watches.add(watch);
            return watch;
        }

        FakeWatch watch(int index) {
            return watches.get(index);
        }
    }

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    private final FakeLeaseStream stream = new FakeLeaseStream();
    private final List<List<LeaseEvent>> batches = new CopyOnWriteArrayList<>();
    private final LeaseWatcher watcher = new LeaseWatcher(stream, thread, batches::add);

    @AfterEach
    void stop() throws InterruptedException {
        watcher.close();
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void startWith(long revision, Lease... leases) {
        stream.snapshot = new LeaseSnapshot(List.of(leases), revision);
        watcher.start();
        await().atMost(PATIENCE).until(() -> stream.watches.size() == 1);
    }

    private void awaitBatches(int count) {
        await().atMost(PATIENCE).until(() -> batches.size() >= count);
        assertThat(batches).hasSize(count);
    }

    @Test
    void theInitialListingIsDeliveredAsAddedEventsAndTheWatchStartsAtTheNextRevision() {
        startWith(41, A, B);

        awaitBatches(1);
        assertThat(batches.get(0)).containsExactlyInAnyOrder(LeaseEvent.added(A), LeaseEvent.added(B));
        assertThat(stream.watch(0).fromRevision).isEqualTo(42);
    }

    @Test
    void anEmptyListingDeliversNothingButStillWatches() {
        startWith(7);

        assertThat(stream.watch(0).fromRevision).isEqualTo(8);
        stream.watch(0).emit(LeaseEvent.added(A));
        awaitBatches(1);
        assertThat(batches.get(0)).containsExactly(LeaseEvent.added(A));
    }

    @Test
    void watchEventsFollowTheListingInTheirOrder() {
        startWith(10, A);
        FakeWatch watch = stream.watch(0);

        watch.emit(LeaseEvent.added(B));
        watch.emit(LeaseEvent.removed(A), LeaseEvent.added(C));
        watch.emit(LeaseEvent.added(A_MOVED));
        watch.emit(LeaseEvent.removed(B));

        awaitBatches(5);
        assertThat(batches)
                .containsExactly(
                        List.of(LeaseEvent.added(A)),
                        List.of(LeaseEvent.added(B)),
                        List.of(LeaseEvent.removed(A), LeaseEvent.added(C)),
                        List.of(LeaseEvent.added(A_MOVED)),
                        List.of(LeaseEvent.removed(B)));
    }

    @Test
    void afterTheWatchEndsItListsAgainOnAFreshConnectionReportingOnlyWhatChangedMeanwhile() {
        startWith(10, A, B, C);
        FakeWatch first = stream.watch(0);
        first.emit(LeaseEvent.added(A_MOVED)); // A's last attributes are now A_MOVED's
        awaitBatches(2);
        assertThat(stream.reconnections).hasValue(0);

        Lease cMoved = lease("10.1.18.0/24", "10.168.0.55");
        stream.snapshot = new LeaseSnapshot(List.of(B, cMoved, D), 20); // meanwhile A went, C moved, D came
        first.fail("etcdserver: mvcc: required revision has been compacted");

        awaitBatches(3);
        assertThat(batches.get(2))
                .containsExactly(LeaseEvent.removed(A_MOVED), LeaseEvent.added(cMoved), LeaseEvent.added(D));
        assertThat(stream.reconnections).hasValue(1);
        assertThat(stream.listings).hasValue(2);
        assertThat(stream.watches).hasSize(2);
        assertThat(stream.watch(1).fromRevision).isEqualTo(21);
        assertThat(first.closed).isTrue();
    }

    @Test
    void aListingThatChangesNothingHandsNothingOn() {
        startWith(10, A, B);
        FakeWatch first = stream.watch(0);
        first.emit(LeaseEvent.removed(A)); // already reported: the next listing must not report it again
        awaitBatches(2);

        stream.snapshot = new LeaseSnapshot(List.of(B), 20);
        first.fail("connection lost");

        await().atMost(PATIENCE).until(() -> stream.watches.size() == 2);
        assertThat(batches).hasSize(2);
        // Events after the listing are handed on as usual.
        stream.watch(1).emit(LeaseEvent.added(C));
        awaitBatches(3);
        assertThat(batches.get(2)).containsExactly(LeaseEvent.added(C));
    }

    @Test
    void eventsAndErrorsOfASupersededWatchAreDropped() {
        startWith(10, A);
        FakeWatch first = stream.watch(0);
        stream.snapshot = new LeaseSnapshot(List.of(A_MOVED), 20);
        first.fail("compacted");
        await().atMost(PATIENCE).until(() -> stream.watches.size() == 2);
        awaitBatches(2);
        FakeWatch second = stream.watch(1);

        first.emit(LeaseEvent.added(D));
        first.emit(LeaseEvent.removed(A));
        first.fail("compacted again");
        second.emit(LeaseEvent.added(C)); // handled after the three above, on the same thread

        awaitBatches(3);
        assertThat(batches.get(2)).containsExactly(LeaseEvent.added(C));
        // No new listing either: wait past the 1 s pause a listing would have been scheduled after.
        await().during(Duration.ofMillis(1500)).atMost(PATIENCE).until(() -> stream.listings.get() == 2);
        assertThat(stream.watches).hasSize(2);
        assertThat(batches).hasSize(3);
    }

    @Test
    void aRefusedListingIsTriedAgainOnAFreshConnection() {
        stream.listingsToRefuse.set(2);
        stream.snapshot = new LeaseSnapshot(List.of(A), 5);

        watcher.start();

        awaitBatches(1);
        assertThat(batches.get(0)).containsExactly(LeaseEvent.added(A));
        assertThat(stream.listings).hasValue(3);
        assertThat(stream.reconnections).hasValue(2);
        assertThat(stream.watch(0).fromRevision).isEqualTo(6);
    }

    @Test
    void aConsumerThatThrowsDoesNotStopLaterEvents() {
        List<List<LeaseEvent>> seen = new CopyOnWriteArrayList<>();
        LeaseWatcher throwing = new LeaseWatcher(stream, thread, events -> {
            seen.add(events);
            throw new IllegalStateException("backend failed");
        });
        stream.snapshot = new LeaseSnapshot(List.of(A), 5);
        throwing.start();
        await().atMost(PATIENCE).until(() -> stream.watches.size() == 1);

        stream.watch(0).emit(LeaseEvent.added(B));

        await().atMost(PATIENCE).until(() -> seen.size() == 2);
        assertThat(seen.get(1)).containsExactly(LeaseEvent.added(B));
        throwing.close();
    }

    @Test
    void closingClosesTheWatchAndAnErrorAfterwardsListsNothing() {
        startWith(10, A);
        FakeWatch watch = stream.watch(0);

        watcher.close();
        await().atMost(PATIENCE).until(() -> watch.closed);
        watch.fail("client closed");

        await().during(Duration.ofMillis(1500)).atMost(PATIENCE).until(() -> stream.listings.get() == 1);
        assertThat(stream.watches).hasSize(1);
    }
}
