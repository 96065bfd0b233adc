package org.flannel.harness.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** N leases written in one etcd transaction while every agent runs, then deleted in one: until every node has all. */
final class LeaseStorm {
    private LeaseStorm() {}

    static void run(BenchCluster cluster, FakeLeases leases, Measurements.Scope scope, Progress progress) {
        int size = cluster.monitors().size();
        List<String> subnets = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            subnets.add(leases.take());
        }
        Map<RouteMonitor, List<String>> expected = new HashMap<>();
        cluster.monitors().forEach(monitor -> expected.put(monitor, subnets));

        Instant put = cluster.transaction(leases.putAll(BenchCluster.PREFIX, subnets));
        var seen = Programmed.await(expected, true, put, Convergence.LIMIT);
        int missing = Programmed.missing(seen, expected);
        if (missing > 0) {
            scope.note("!!! lease storm: " + missing + " routes missing after " + Convergence.LIMIT.toSeconds() + " s");
        }
        List<Double> added = Programmed.completionLags(seen, expected, put);
        scope.lags("lease storm: all N added on a node", added);

        Instant deleted = cluster.transaction(FakeLeases.deleteAll(BenchCluster.PREFIX, subnets));
        seen = Programmed.await(expected, false, deleted, Convergence.LIMIT);
        missing = Programmed.missing(seen, expected);
        if (missing > 0) {
            scope.note("!!! lease storm: " + missing + " routes still there " + Convergence.LIMIT.toSeconds()
                    + " s after their leases were deleted");
        }
        List<Double> removed = Programmed.completionLags(seen, expected, deleted);
        scope.lags("lease storm: all N removed on a node", removed);
        subnets.forEach(leases::giveBack);
        if (!added.isEmpty() && !removed.isEmpty()) {
            progress.say("lease storm of " + size + ": all added in "
                    + Math.round(Summary.of(added).max()) + " ms, all removed in "
                    + Math.round(Summary.of(removed).max()) + " ms (slowest node)");
        }
    }
}
