package org.flannel.reference.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.flannel.reference.subnet.etcd.Scheduler;

/**
 * A clock that moves only when told, and a scheduler on it: {@link #advance} moves time forward and
 * runs, in order and each at its own due time, the tasks that fall due meanwhile (tasks they schedule
 * included). Single-threaded, like the daemon's etcd thread.
 */
public final class ManualTime extends Clock implements Scheduler {
    private Instant now;
    private long sequence;
    private final List<Task> tasks = new ArrayList<>();

    public ManualTime(Instant start) {
        this.now = start;
    }

    private final class Task implements Scheduled {
        final Instant due;
        final long order = sequence++;
        final Runnable action;

        Task(Instant due, Runnable action) {
            this.due = due;
            this.action = action;
        }

        @Override
        public void cancel() {
            tasks.remove(this);
        }
    }

    @Override
    public Scheduled schedule(Runnable task, Duration delay) {
        Task scheduled = new Task(now.plus(delay), task);
        tasks.add(scheduled);
        return scheduled;
    }

    /** Moves time forward by {@code step}, running every task due by then. */
    public void advance(Duration step) {
        Instant target = now.plus(step);
        while (true) {
            Optional<Task> next = tasks.stream()
                    .filter(t -> !t.due.isAfter(target))
                    .min(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.order));
            if (next.isEmpty()) {
                break;
            }
            tasks.remove(next.get());
            now = next.get().due;
            next.get().action.run();
        }
        now = target;
    }

    /** Runs what is due now (e.g. tasks scheduled with no delay). */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** How long until the next task falls due; empty when none is waiting. */
    public Optional<Duration> untilNextTask() {
        return tasks.stream().map(t -> t.due).min(Comparator.naturalOrder()).map(due -> Duration.between(now, due));
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a manual clock stays in UTC");
    }
}
