package org.flannel.harness.topology.docker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flannel.harness.topology.Capture;
import org.flannel.harness.topology.ExecResult;
import org.flannel.harness.topology.TopologyException;

/**
 * tcpdump writing a pcap inside a container (a node's, a pod's namespace in its node's, or the
 * segment helper's for a bridge), copied out through the API when stopped. Started with
 * --immediate-mode and -U; ready once it prints "listening on", after the filter is installed.
 */
final class DockerCapture implements Capture {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private final String point;
    private final String filter;
    private final DockerHost host;
    private final String pcapInContainer;
    private final Path pcap;
    private final DockerProcess process;
    private boolean stopped;

    private DockerCapture(String point, String filter, DockerHost host, String pcapInContainer, Path pcap,
            DockerProcess process) {
        this.point = point;
        this.filter = filter;
        this.host = host;
        this.pcapInContainer = pcapInContainer;
        this.pcap = pcap;
        this.process = process;
    }

    static DockerCapture start(DockerExec exec, DockerHost host, String point, String iface, String filter, Path pcap,
            Path log) {
        String inContainer = "/run/flannel-conformance/" + UUID.randomUUID() + ".pcap";
        // -Z root: Debian's tcpdump otherwise drops to user tcpdump, who may not write there.
        List<String> argv = new ArrayList<>(List.of(
                "tcpdump", "--immediate-mode", "-U", "-n", "-s", "0", "-Z", "root", "-i", iface, "-w", inContainer));
        if (filter != null && !filter.isBlank()) {
            argv.add(filter);
        }
        DockerProcess process = DockerProcess.start(exec, host, "tcpdump", argv, Map.of(), log);
        DockerCapture capture = new DockerCapture(point, filter == null ? "" : filter, host, inContainer, pcap, process);
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
            sleep(10);
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

    /** Where the pcap is copied to when the capture stops. */
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
            ArchiveCopy.copyOut(host.topology().client(), host.containerId(), pcapInContainer, pcap);
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
        ExecResult stat = host.topology().exec().run(host.containerId(), host.name(), List.of("stat"),
                List.of("stat", "-c", "%s", pcapInContainer), Map.of(), null, Duration.ofSeconds(10));
        String text = stat.stdout().strip();
        return stat.succeeded() && text.matches("\\d+") ? Long.parseLong(text) : -1;
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
