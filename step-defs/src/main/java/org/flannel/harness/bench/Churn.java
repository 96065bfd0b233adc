package org.flannel.harness.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flannel.harness.impl.LeaseKeys;

/**
 * Leases added and removed at a steady rate (an add, then a remove of the oldest, about five alive at a time), then
 * every one left removed: the lag of each operation on each node, and whether a node ends with a stale or missing
 * route (read from its kernel, against etcd's leases).
 */
final class Churn {
    private static final int ALIVE = 5;

    private record Operation(String subnet, boolean added, Instant at) {}

    private Churn() {}

    static void run(
            BenchCluster cluster,
            FakeLeases leases,
            Map<RouteMonitor, String> own,
            Duration duration,
            int ratePerSecond,
            Measurements.Scope scope,
            Progress progress) {
        List<ProcessSample> before = AgentCost.samples(cluster.agents());
        List<Operation> operations = new ArrayList<>();
        Deque<String> alive = new ArrayDeque<>();
        long total = duration.toSeconds() * ratePerSecond;
        Instant start = Instant.now();
        for (int i = 0; i < total; i++) {
            Instant due = start.plusNanos(i * 1_000_000_000L / ratePerSecond);
            Duration wait = Duration.between(Instant.now(), due);
            if (!wait.isNegative()) {
                Programmed.sleep(wait);
            }
            if (alive.size() < ALIVE || i % 2 == 0) {
                String subnet = leases.take();
                operations.add(new Operation(subnet, true, cluster.put(key(subnet), leases.value(subnet))));
                alive.addLast(subnet);
            } else {
                operations.add(remove(cluster, leases, alive.pollFirst()));
            }
        }
        double seconds = Programmed.millisBetween(start, Instant.now()) / 1000;
        int steady = operations.size();
        List<ProcessSample> after = AgentCost.samples(cluster.agents());
        while (!alive.isEmpty()) {
            operations.add(remove(cluster, leases, alive.pollFirst()));
        }
        double achieved = steady / Math.max(seconds, 0.001);
        scope.figure("churn: operations done per second", "ops/s", achieved);
        if (achieved < 0.9 * ratePerSecond) {
            // etcdctl is run once per operation: on a loaded machine the bench itself falls behind.
            scope.note(String.format(
                    "churn: the bench held only %.1f of the %d operations a second asked (etcdctl under load):"
                            + " its lags and CPU compare with other runs at a different rate",
                    achieved, ratePerSecond));
        }
        AgentCost.cpuBetween(before, after, seconds, "CPU during churn", scope);

        if (cluster.backend().equals("udp")) {
            scope.notMeasurable("churn: lag", "udp keeps its peers inside the agent, not in the kernel's routes");
            return;
        }
        // The last operation's events first, with the limit; then every operation's, already there or missing.
        Operation last = operations.get(operations.size() - 1);
        Programmed.await(Convergence.everyNode(cluster, last.subnet()), last.added(), last.at(), Convergence.LIMIT);
        List<Double> lags = new ArrayList<>();
        int unseen = 0;
        for (Operation operation : operations) {
            var expected = Convergence.everyNode(cluster, operation.subnet());
            var seen = Programmed.await(expected, operation.added(), operation.at(), Duration.ZERO);
            unseen += Programmed.missing(seen, expected);
            lags.addAll(Programmed.lags(seen, operation.at()));
        }
        scope.lags("churn: lag", lags);
        scope.figure("churn: operations never seen on a node", "count", (double) unseen);
        if (unseen > 0) {
            scope.note("!!! churn: " + unseen + " (operation, node) pairs never showed in the kernel's route events");
        }
        int wrong = finalStateErrors(cluster, own, scope);
        scope.figure("churn: stale or missing routes at the end", "count", (double) wrong);
        progress.say("churn: " + operations.size() + " operations, lag median "
                + (lags.isEmpty() ? "-" : Math.round(Summary.of(lags).median())) + " ms, "
                + (wrong == 0 ? "every node ends right" : "!!! " + wrong + " STALE OR MISSING ROUTES"));
    }

    private static Operation remove(BenchCluster cluster, FakeLeases leases, String subnet) {
        Operation operation = new Operation(subnet, false, cluster.delete(key(subnet)));
        leases.giveBack(subnet);
        return operation;
    }

    private static String key(String subnet) {
        return LeaseKeys.key(BenchCluster.PREFIX, subnet);
    }

    /** Each node's routes into 10.1.0.0/16 against etcd's leases now (its own excepted); loud when they differ. */
    private static int finalStateErrors(BenchCluster cluster, Map<RouteMonitor, String> own, Measurements.Scope scope) {
        Set<String> leased = cluster.leases().keySet();
        int wrong = 0;
        for (RouteMonitor monitor : cluster.monitors()) {
            Set<String> expected = new TreeSet<>(leased);
            expected.remove(own.get(monitor));
            Set<String> routes = new HashSet<>(cluster.podRoutes(monitor.node()));
            Set<String> stale = new TreeSet<>(routes);
            stale.removeAll(expected);
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(routes);
            if (!stale.isEmpty() || !missing.isEmpty()) {
                wrong += stale.size() + missing.size();
                scope.note("!!! churn: " + monitor.node().name() + " ends with stale routes " + stale
                        + " and missing routes " + missing);
                System.out.println(
                        "!!! STALE/MISSING on " + monitor.node().name() + ": stale " + stale + " missing " + missing);
            }
        }
        return wrong;
    }
}
