package org.flannel.harness.topology.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.flannel.harness.topology.Capture;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.TopologyException;

/**
 * tcpdump writing a pcap, whichever way the driver runs it. Started with --immediate-mode (no kernel
 * batching) and -U (flush per packet); ready once it prints "listening on", which it does after the
 * filter is installed; stopped once the pcap has stopped growing. The driver says how big the pcap is
 * so far and how it becomes {@link #file()}.
 */
public abstract class TcpdumpCapture implements Capture {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private final String point;
    private final String filter;
    private final Path pcap;
    private final ManagedProcess process;
    private boolean stopped;

    protected TcpdumpCapture(String point, String filter, Path pcap, ManagedProcess process) {
        this.point = point;
        this.filter = filter == null ? "" : filter;
        this.pcap = pcap;
        this.process = process;
    }

    /** tcpdump's argv, writing to {@code pcapPath} (a path where tcpdump runs). */
    protected static List<String> argv(String iface, String pcapPath, String filter) {
        // -Z root: Debian's tcpdump otherwise drops to user tcpdump, who may not write there.
        List<String> argv = new ArrayList<>(List.of(
                "tcpdump", "--immediate-mode", "-U", "-n", "-s", "0", "-Z", "root", "-i", iface, "-w", pcapPath));
        if (filter != null && !filter.isBlank()) {
            argv.add(filter);
        }
        return argv;
    }

    /** Returns once tcpdump listens, checking every {@code poll}; throws with its output if it exits or hangs. */
    protected final void awaitListening(Duration poll) {
        if (!Waiting.until(READY_TIMEOUT, poll, this::listening)) {
            process.stop(Duration.ofSeconds(1));
            throw new TopologyException("tcpdump at " + point + " did not start listening within "
                    + READY_TIMEOUT.toSeconds() + " s: " + process.logs().strip());
        }
    }

    private boolean listening() {
        if (process.logs().contains("listening on")) {
            return true;
        }
        if (!process.isAlive()) {
            throw new TopologyException("tcpdump at " + point + " (filter '" + filter + "') exited with code "
                    + process.waitFor(Duration.ZERO).orElse(-1) + ": "
                    + process.logs().strip());
        }
        return false;
    }

    /** The pcap's size so far where tcpdump writes it; -1 if unknown. */
    protected abstract long pcapSize();

    /** Once tcpdump has exited: makes {@link #file()} the complete pcap, or throws. */
    protected abstract void collect();

    protected final ManagedProcess process() {
        return process;
    }

    @Override
    public final String point() {
        return point;
    }

    @Override
    public final String filter() {
        return filter;
    }

    /** Where the complete pcap is once the capture has stopped. */
    @Override
    public final Path file() {
        return pcap;
    }

    @Override
    public final synchronized Path stop() {
        if (!stopped) {
            stopped = true;
            awaitQuiet();
            process.stop(Duration.ofSeconds(5));
            collect();
        }
        return pcap;
    }

    /** Lets packets already in the socket reach the file: wait until it stops growing (at most 1 s). */
    private void awaitQuiet() {
        AtomicLong previous = new AtomicLong(-1);
        Waiting.until(Duration.ofSeconds(1), Duration.ofMillis(30), () -> {
            long size = pcapSize();
            return size == previous.getAndSet(size);
        });
    }

    @Override
    public String toString() {
        return "capture at " + point + " '" + filter + "' -> " + pcap;
    }
}
