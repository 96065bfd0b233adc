package org.flannel.harness.topology.netns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flannel.harness.topology.ExecResult;
import org.flannel.harness.topology.TopologyException;
import org.flannel.harness.topology.support.ProcessIdentity;
import org.flannel.harness.topology.support.Waiting;

/** Named network namespaces: create, list, empty of processes, delete. */
final class Netns {
    private static final Path RUN_NETNS = Path.of("/run/netns");

    private final ProcessRunner runner;

    Netns(ProcessRunner runner) {
        this.runner = runner;
    }

    /** Creates all in one `ip -batch` process. */
    void add(List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        StringBuilder batch = new StringBuilder();
        names.forEach(name -> batch.append("netns add ").append(name).append('\n'));
        ExecResult result = runner.ip(List.of("-batch", "-"), batch.toString());
        if (!result.succeeded()) {
            throw new TopologyException("cannot create network namespaces " + names + ": "
                    + result.stderr().strip());
        }
    }

    boolean exists(String name) {
        return Files.exists(RUN_NETNS.resolve(name));
    }

    List<String> list() {
        List<String> names = new ArrayList<>();
        for (String line :
                runner.ip(List.of("netns", "list"), null).orThrow().stdout().split("\n")) {
            if (!line.isBlank()) {
                names.add(line.trim().split("\\s+")[0]);
            }
        }
        return names;
    }

    List<Long> pids(String name) {
        ExecResult result = runner.ip(List.of("netns", "pids", name), null);
        List<Long> pids = new ArrayList<>();
        if (result.succeeded()) {
            for (String line : result.stdout().split("\n")) {
                if (line.trim().matches("\\d+")) {
                    pids.add(Long.parseLong(line.trim()));
                }
            }
        }
        return pids;
    }

    /** SIGTERM to every process in the namespace, SIGKILL to those left after {@code grace}. */
    void stopProcesses(String name, Duration grace) {
        List<ProcessHandle> handles = pids(name).stream()
                .map(ProcessHandle::of)
                .flatMap(Optional::stream)
                .toList();
        if (handles.isEmpty()) {
            return;
        }
        handles.forEach(ProcessHandle::destroy);
        Waiting.until(grace, Duration.ofMillis(10), () -> handles.stream()
                .noneMatch(h -> ProcessIdentity.isRunning(h.pid())));
        handles.stream().filter(h -> ProcessIdentity.isRunning(h.pid())).forEach(ProcessHandle::destroyForcibly);
        Waiting.until(
                Duration.ofSeconds(5), Duration.ofMillis(20), () -> pids(name).isEmpty());
        List<Long> left = pids(name);
        if (!left.isEmpty()) {
            throw new TopologyException("processes " + left + " in namespace " + name + " survived SIGKILL");
        }
    }

    /** Stops its processes, then deletes it. A namespace that is already gone is fine. */
    void delete(String name, Duration grace) {
        if (!exists(name)) {
            return;
        }
        stopProcesses(name, grace);
        ExecResult result = runner.ip(List.of("netns", "del", name), null);
        if (!result.succeeded() && exists(name)) {
            throw new TopologyException(
                    "cannot delete namespace " + name + ": " + result.stderr().strip());
        }
    }
}
