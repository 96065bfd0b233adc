package org.flannel.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a timed test: prints how long a 2-node + etcd topology and a routed 3-node +
 * router + etcd topology take to create and destroy. It asserts only that every run really came up
 * and, as far as {@link #assertGone} can tell, went away.
 */
public abstract class TimingContract {
    protected abstract TopologyDriver driver();

    /** How many topologies of each kind to time. */
    protected abstract int runs();

    /** Runs before the first create(), so that one-off costs (an image) are not timed. */
    protected void warmUp() {}

    /** Asserts that nothing of the closed run {@code runId} is left. */
    protected abstract void assertGone(String runId) throws Exception;

    @Test
    void printCreateAndDestroyTimes() throws Exception {
        time("2 nodes + etcd", Specs.twoNodesWithEtcd());
    }

    @Test
    void printRoutedCreateAndDestroyTimes() throws Exception {
        time("3 nodes on 2 segments + router + etcd", Specs.routed());
    }

    protected void time(String label, TopologySpec spec) throws Exception {
        TopologyDriver driver = driver();
        warmUp();
        List<Long> creates = new ArrayList<>();
        List<Long> destroys = new ArrayList<>();
        for (int i = 0; i < runs(); i++) {
            long t0 = System.nanoTime();
            Topology topo = driver.create(spec);
            long t1 = System.nanoTime();
            assertThat(topo.etcd().isHealthy()).isTrue();
            String run = topo.runId();
            long t2 = System.nanoTime();
            topo.close();
            long t3 = System.nanoTime();
            assertGone(run);
            creates.add(Duration.ofNanos(t1 - t0).toMillis());
            destroys.add(Duration.ofNanos(t3 - t2).toMillis());
        }
        System.out.printf(
                "BENCHMARK %s topology: %s over %d runs: create %s ms (median %d), destroy %s ms (median %d)%n",
                driver.getClass().getSimpleName(), label, runs(), creates, median(creates), destroys, median(destroys));
    }

    protected static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
