package org.flannel.harness.topology.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologySpec;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a timed test: prints how long a 2-node + etcd topology and a routed 3-node +
 * router + etcd topology take to create and destroy (target: well under 2 s). It asserts only that
 * every run really came up and went away.
 */
class TopologyTimingIT {
    private static final int RUNS = 5;

    @Test
    void printCreateAndDestroyTimes() {
        TopologySpec spec = TopologySpec.builder()
                .segment("underlay", "10.168.0.0/24")
                .node("node1", "underlay", "10.168.0.2")
                .node("node2", "underlay", "10.168.0.3")
                .etcd("underlay", "10.168.0.10")
                .build();
        time("2 nodes + etcd", spec);
    }

    @Test
    void printRoutedCreateAndDestroyTimes() {
        time("3 nodes on 2 segments + router + etcd", RoutedUnderlayIT.routedSpec());
    }

    private static void time(String label, TopologySpec spec) {
        NetnsDriver driver = new NetnsDriver();
        List<Long> creates = new ArrayList<>();
        List<Long> destroys = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            Topology topo = driver.create(spec);
            long t1 = System.nanoTime();
            assertThat(topo.etcd().isHealthy()).isTrue();
            topo.close();
            long t2 = System.nanoTime();
            creates.add((t1 - t0) / 1_000_000);
            destroys.add((t2 - t1) / 1_000_000);
        }
        System.out.printf("BENCHMARK topology: %s over %d runs: create %s ms (median %d), destroy %s ms (median %d)%n",
                label, RUNS, creates, median(creates), destroys, median(destroys));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
