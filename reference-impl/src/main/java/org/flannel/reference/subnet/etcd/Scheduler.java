package org.flannel.reference.subnet.etcd;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task later, on the one thread that follows etcd. A seam of its own so that timing (a lease
 * renewed 23 h after it was granted) can be tested by moving a clock instead of waiting.
 */
@FunctionalInterface
public interface Scheduler {

    /** Runs {@code task} once {@code delay} has passed (at once for zero); the handle cancels it. */
    Scheduled schedule(Runnable task, Duration delay);

    /** A task not run yet can still be called off. */
    @FunctionalInterface
    interface Scheduled {
        void cancel();
    }

    static Scheduler on(ScheduledExecutorService thread) {
        return (task, delay) -> {
            ScheduledFuture<?> future = thread.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
