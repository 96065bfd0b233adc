package org.flannel.harness.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flannel.harness.impl.Agent;
import org.flannel.harness.impl.Implementation;

/**
 * All N agents started together: when each wrote its subnet file (the file's modification time, read once it is
 * ready as the harness defines it) and when each node's kernel held a route to every other agent's subnet.
 */
final class ColdStart {
    static final int RESTARTS = 3;

    private ColdStart() {}

    /** Each node's own subnet (by its monitor), once every agent is ready; fails if one is not. */
    static Map<RouteMonitor, String> run(
            BenchCluster cluster, Implementation implementation, Measurements.Scope scope, Progress progress) {
        int size = cluster.monitors().size();
        Duration limit = Duration.ofSeconds(60 + 2L * size);
        Instant started = cluster.startAgents(implementation);
        List<Double> ready = awaitReady(cluster, started, limit, scope);
        scope.lags("cold start: subnet file written", ready);
        progress.say("all " + size + " agents ready, max "
                + Math.round(Summary.of(ready).max()) + " ms");

        Map<RouteMonitor, String> own = new HashMap<>();
        for (int i = 0; i < size; i++) {
            own.put(cluster.monitors().get(i), ownSubnet(cluster.agents().get(i)));
        }
        if (cluster.backend().equals("udp")) {
            scope.notMeasurable(
                    "cold start: full mesh in the kernel",
                    "udp keeps its peers inside the agent: the kernel has one route 10.1.0.0/16 dev flannel0");
            return own;
        }
        Map<RouteMonitor, Set<String>> expected = new HashMap<>();
        for (RouteMonitor monitor : cluster.monitors()) {
            Set<String> peers = new TreeSet<>(own.values());
            peers.remove(own.get(monitor));
            expected.put(monitor, peers);
        }
        var seen = Programmed.await(expected, true, started, limit);
        int missing = Programmed.missing(seen, expected);
        if (missing > 0) {
            scope.note("!!! cold start: " + missing + " peer routes never appeared within " + limit.toSeconds() + " s");
        }
        List<Double> mesh = Programmed.completionLags(seen, expected, started);
        scope.lags("cold start: full mesh in the kernel", mesh);
        if (!mesh.isEmpty()) {
            progress.say("full mesh on every node, max "
                    + Math.round(Summary.of(mesh).max()) + " ms");
        }
        return own;
    }

    /**
     * When each agent wrote its subnet file. An agent that exits first is started again at once (a DaemonSet would),
     * said loudly with its last log line, at most {@link #RESTARTS} times; its time still counts from the start.
     */
    private static List<Double> awaitReady(
            BenchCluster cluster, Instant started, Duration limit, Measurements.Scope scope) {
        int size = cluster.agents().size();
        Double[] ready = new Double[size];
        int[] restarts = new int[size];
        Instant deadline = started.plus(limit);
        int done = 0;
        while (done < size) {
            for (int i = 0; i < size; i++) {
                Agent agent = cluster.agents().get(i);
                if (ready[i] != null) {
                    continue;
                }
                if (agent.isReady()) {
                    ready[i] = Programmed.millisBetween(started, modified(agent));
                    done++;
                } else if (!agent.process().isAlive() && restarts[i] < RESTARTS) {
                    restarts[i]++;
                    scope.note(
                            "!!! cold start: flanneld on " + agent.node().name() + " exited before writing its subnet"
                                    + " file (" + lastLine(agent) + "); started again, as a DaemonSet would");
                    cluster.restart(i);
                } else if (!agent.process().isAlive()) {
                    agent.awaitReady(Duration.ZERO);
                }
            }
            if (done < size && Instant.now().isAfter(deadline)) {
                cluster.agents().stream()
                        .filter(a -> !a.isReady())
                        .findFirst()
                        .orElseThrow()
                        .awaitReady(Duration.ZERO);
            }
            Programmed.sleep(Duration.ofMillis(25));
        }
        int restarted = Arrays.stream(restarts).sum();
        scope.figure("cold start: agents that exited and were started again", "count", (double) restarted);
        return Arrays.asList(ready);
    }

    private static String lastLine(Agent agent) {
        // Its last error line if it logged one (Flannel logs "Stopping shutdownHandler..." after it).
        List<String> lines =
                agent.process().logs().lines().filter(l -> !l.isBlank()).toList();
        List<String> errors = lines.stream().filter(l -> l.contains("rror")).toList();
        List<String> pick = errors.isEmpty() ? lines : errors;
        return pick.isEmpty() ? "no log" : pick.get(pick.size() - 1).strip();
    }

    private static Instant modified(Agent agent) {
        try {
            return Files.getLastModifiedTime(agent.subnetFile()).toInstant();
        } catch (IOException e) {
            throw new IllegalStateException("the subnet file " + agent.subnetFile() + " went away", e);
        }
    }

    /** FLANNEL_SUBNET=10.1.5.1/24 is the subnet 10.1.5.0/24. */
    static String ownSubnet(Agent agent) {
        String line = Agent.contentOf(agent.subnetFile())
                .orElse("")
                .lines()
                .filter(l -> l.startsWith("FLANNEL_SUBNET="))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no FLANNEL_SUBNET in " + agent.subnetFile()));
        String[] cidr = line.substring("FLANNEL_SUBNET=".length()).strip().split("/");
        String[] octets = cidr[0].split("\\.");
        return octets[0] + "." + octets[1] + "." + octets[2] + ".0/" + cidr[1];
    }
}
