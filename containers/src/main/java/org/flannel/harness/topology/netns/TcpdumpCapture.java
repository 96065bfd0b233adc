package org.flannel.harness.topology.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flannel.harness.topology.Capture;
import org.flannel.harness.topology.TopologyException;

/**
 * tcpdump writing a pcap inside a namespace. Started with --immediate-mode (no kernel batching)
 * and -U (flush per packet); ready once it prints "listening on", which it does after the filter
 * is installed.
 */
final class TcpdumpCapture implements Capture {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private final String point;
    private final String filter;
    private final Path pcap;
    private final NetnsProcess process;
    private boolean stopped;

    private TcpdumpCapture(String point, String filter, Path pcap, NetnsProcess process) {
        this.point = point;
        this.filter = filter;
        this.pcap = pcap;
        this.process = process;
    }

    static TcpdumpCapture start(ProcessRunner runner, String point, String namespace, String iface, String filter,
            Path pcap, Path log) {
        // -Z root: Debian's tcpdump otherwise drops to user tcpdump, who cannot write our work dir.
        List<String> argv = new ArrayList<>(List.of(
                "tcpdump", "--immediate-mode", "-U", "-n", "-s", "0", "-Z", "root", "-i", iface, "-w", pcap.toString()));
        if (filter != null && !filter.isBlank()) {
            argv.add(filter);
        }
        NetnsProcess process = NetnsProcess.start(runner, point, namespace, "tcpdump", argv, Map.of(), log);
        TcpdumpCapture capture = new TcpdumpCapture(point, filter == null ? "" : filter, pcap, process);
        capture.awaitListening();
        return capture;
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (process.logs().contains("listening on")) {
                return;
            }
            if (!process.isAlive()) {
                throw new TopologyException("tcpdump at " + point + " (filter '" + filter + "') exited with code "
                        + process.waitFor(Duration.ZERO).orElse(-1) + ": " + process.logs().strip());
            }
            sleep(5);
        }
        process.stop(Duration.ofSeconds(1));
        throw new TopologyException("tcpdump at " + point + " did not start listening within "
                + READY_TIMEOUT.toSeconds() + " s: " + process.logs().strip());
    }

    @Override
    public String point() {
        return point;
    }

    @Override
    public String filter() {
        return filter;
    }

    @Override
    public Path file() {
        return pcap;
    }

    @Override
    public synchronized Path stop() {
        if (!stopped) {
            stopped = true;
            awaitQuiet();
            process.stop(Duration.ofSeconds(5));
            if (!Files.exists(pcap)) {
                throw new TopologyException("tcpdump at " + point + " wrote no pcap file " + pcap + ": " + process.logs().strip());
            }
        }
        return pcap;
    }

    /** Lets packets already in the socket reach the file: wait until it stops growing (at most 1 s). */
    private void awaitQuiet() {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        long previous = -1;
        while (System.nanoTime() < deadline) {
            long size = size();
            if (size == previous) {
                return;
            }
            previous = size;
            sleep(30);
        }
    }

    private long size() {
        try {
            return Files.size(pcap);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "capture at " + point + " '" + filter + "' -> " + pcap;
    }
}
