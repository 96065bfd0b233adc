package org.flannel.harness.steps;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flannel.harness.topology.Capture;
import org.flannel.harness.topology.Topology;

/** A scenario's packet captures: those running, and the pcap files of those stopped, by capture point. */
final class Captures {
    private final Map<String, Capture> running = new LinkedHashMap<>();
    private final Map<String, Path> files = new LinkedHashMap<>();

    /** Starts one capture per point; a point already captured in this scenario is captured afresh. */
    void start(Topology topology, List<String> points) {
        for (String point : points) {
            if (running.containsKey(point)) {
                throw new IllegalStateException("already capturing on " + point);
            }
            running.put(point, topology.capture(point, ""));
        }
    }

    boolean anyRunning() {
        return !running.isEmpty();
    }

    /** Stops every running capture and keeps its file; even when one cannot stop, the others are stopped. */
    void stopAll() {
        RuntimeException first = null;
        for (Map.Entry<String, Capture> capture : running.entrySet()) {
            try {
                files.put(capture.getKey(), capture.getValue().stop());
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        running.clear();
        if (first != null) {
            throw first;
        }
    }

    /** Keeps a capture a step ran and stopped by itself. */
    void keep(String point, Path pcap) {
        files.put(point, pcap);
    }

    /** The pcap of a point, its capture stopped first if it still runs. */
    Path file(String point) {
        if (running.containsKey(point)) {
            stopAll();
        }
        Path file = files.get(point);
        if (file == null) {
            throw new IllegalStateException("nothing was captured on " + point + " in this scenario; captured: "
                    + files.keySet() + (running.isEmpty() ? "" : ", still capturing: " + running.keySet()));
        }
        return file;
    }

    Map<String, Path> files() {
        return Collections.unmodifiableMap(files);
    }
}
