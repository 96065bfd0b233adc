package org.flannel.reference.backend.udp;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the data path's counters in one line: periodically when they changed, and once at the end,
 * so an operator sees traffic and drops without a line per packet.
 */
final class CounterLog implements AutoCloseable {
    static final Duration PERIOD = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(CounterLog.class);

    private final DirectionCounters fromTun;
    private final DirectionCounters fromUdp;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "udp-counters");
        thread.setDaemon(true);
        return thread;
    });
    private long[] lastLogged;

    CounterLog(DirectionCounters fromTun, DirectionCounters fromUdp) {
        this.fromTun = fromTun;
        this.fromUdp = fromUdp;
        this.lastLogged = snapshot();
    }

    void start(Duration period) {
        timer.scheduleAtFixedRate(this::logIfChanged, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@code UDP data path counters: flannel0->UDP ..., dropped ...; UDP->flannel0 ..., dropped ...}. */
    String line() {
        return "UDP data path counters: " + fromTun.describe() + "; " + fromUdp.describe();
    }

    private synchronized void logIfChanged() {
        long[] now = snapshot();
        if (!Arrays.equals(now, lastLogged)) {
            lastLogged = now;
            LOG.info(line());
        }
    }

    private long[] snapshot() {
        long[] a = fromTun.snapshot();
        long[] b = fromUdp.snapshot();
        long[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Stops the timer and logs the final counters, whatever they are. */
    @Override
    public void close() {
        timer.shutdownNow();
        LOG.info(line());
    }
}
