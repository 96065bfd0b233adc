package org.flannel.harness.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.Node;

/**
 * {@code ip -ts monitor route} left running in one node's namespace: when each route appeared or went, timed by
 * the kernel's notification, without polling the tables. Its log is read incrementally.
 */
final class RouteMonitor {
    private final Node node;
    private final ManagedProcess process;
    private final ZoneId zone;
    private final List<RouteEvent> events = new ArrayList<>();
    private long offset;
    private final StringBuilder partial = new StringBuilder();

    private RouteMonitor(Node node, ManagedProcess process, ZoneId zone) {
        this.node = node;
        this.process = process;
        this.zone = zone;
    }

    static RouteMonitor start(Node node) {
        return new RouteMonitor(
                node, node.start("route-monitor", List.of("ip", "-ts", "monitor", "route")), ZoneId.systemDefault());
    }

    Node node() {
        return node;
    }

    /** The first time {@code destination} was added (or deleted) at or after {@code since}, reading what is new. */
    synchronized Optional<Instant> first(String destination, boolean added, Instant since) {
        readNew();
        return events.stream()
                .filter(e -> e.added() == added && e.destination().equals(destination) && !e.at().isBefore(since))
                .map(RouteEvent::at)
                .findFirst();
    }

    private void readNew() {
        Path log = process.logFile();
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return;
            }
            byte[] bytes = new byte[(int) (length - offset)];
            file.seek(offset);
            file.readFully(bytes);
            offset = length;
            partial.append(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the route monitor's log " + log, e);
        }
        int end;
        while ((end = partial.indexOf("\n")) >= 0) {
            RouteEvent.parse(partial.substring(0, end), zone).ifPresent(events::add);
            partial.delete(0, end + 1);
        }
    }
}
