package org.flannel.harness.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flannel.harness.impl.LeaseKeys;

/** A lease added by hand, then removed, several times: how long until every node programmed (removed) it. */
final class Convergence {
    static final Duration LIMIT = Duration.ofSeconds(30);

    private Convergence() {}

    static void run(BenchCluster cluster, FakeLeases leases, int repeats, Measurements.Scope scope, Progress progress) {
        List<Double> added = new ArrayList<>();
        List<Double> removed = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            String subnet = leases.take();
            String key = LeaseKeys.key(BenchCluster.PREFIX, subnet);
            Map<RouteMonitor, Set<String>> expected = everyNode(cluster, subnet);
            Instant put = cluster.put(key, leases.value(subnet));
            var seen = Programmed.await(expected, true, put, LIMIT);
            report(scope, "added", subnet, Programmed.missing(seen, expected));
            added.addAll(Programmed.lags(seen, put));
            Instant deleted = cluster.delete(key);
            seen = Programmed.await(expected, false, deleted, LIMIT);
            report(scope, "removed", subnet, Programmed.missing(seen, expected));
            removed.addAll(Programmed.lags(seen, deleted));
            leases.giveBack(subnet);
        }
        scope.lags("convergence: lease added", added);
        scope.lags("convergence: lease removed", removed);
        progress.say("convergence x" + repeats + ": added median "
                + Math.round(Summary.of(added).median()) + " ms, removed median "
                + Math.round(Summary.of(removed).median()) + " ms");
    }

    static Map<RouteMonitor, Set<String>> everyNode(BenchCluster cluster, String subnet) {
        Map<RouteMonitor, Set<String>> expected = new HashMap<>();
        cluster.monitors().forEach(monitor -> expected.put(monitor, Set.of(subnet)));
        return expected;
    }

    private static void report(Measurements.Scope scope, String what, String subnet, int missing) {
        if (missing > 0) {
            scope.note("!!! convergence: the lease " + subnet + " was not " + what + " on " + missing + " nodes within "
                    + LIMIT.toSeconds() + " s");
        }
    }
}
