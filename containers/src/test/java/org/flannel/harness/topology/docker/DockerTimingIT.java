package org.flannel.harness.topology.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A benchmark, not a timed test: prints how long the base image takes to resolve (cached) and to
 * build (cold: only when this run built it, or with -Dflannel.docker.benchmarkColdBuild=true, which
 * builds a throwaway copy of the recipe and removes it), and how long topologies take to create and
 * destroy. It asserts only that every run really came up and went away.
 */
@ExtendWith(DockerAvailable.class)
class DockerTimingIT {
    private static final int RUNS = 3;

    @Test
    void printImageBuildTimes() {
        DockerClient client = DockerState.client();
        DockerSettings settings = DockerSettings.fromSystemProperties();
        BaseImage.Resolved first = BaseImage.resolve(client, settings);
        if (first.built()) {
            System.out.printf("BENCHMARK docker image: cold build of %s took %d s%n", first.reference(), first.took().toSeconds());
        }
        BaseImage.Resolved cached = BaseImage.resolve(client, settings);
        assertThat(cached.built()).isFalse();
        System.out.printf("BENCHMARK docker image: cached %s resolved in %d ms%n", cached.reference(), cached.took().toMillis());
        if (Boolean.getBoolean("flannel.docker.benchmarkColdBuild")) {
            ImageRecipe base = ImageRecipe.DEFAULT;
            ImageRecipe throwaway = new ImageRecipe(base.suite(), base.variant(), base.packages(), base.excludes(), -1);
            BaseImage.Resolved cold = BaseImage.ensure(client, throwaway, settings.debianMirror(), settings.workRoot());
            try {
                assertThat(cold.built()).isTrue();
                System.out.printf("BENCHMARK docker image: cold build (debootstrap + load) took %d s%n", cold.took().toSeconds());
            } finally {
                client.removeImageCmd(cold.reference()).withForce(true).exec();
            }
        } else if (!first.built()) {
            System.out.println("BENCHMARK docker image: cold build not measured (the image was cached; "
                    + "-Dflannel.docker.benchmarkColdBuild=true builds a throwaway copy)");
        }
    }

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
        time("3 nodes on 2 segments + router + etcd", DockerRoutedUnderlayIT.routedSpec());
    }

    @Test
    void printExecLatency() {
        try (Topology topo = new DockerDriver().create(TopologySpec.builder()
                .segment("underlay", "10.168.0.0/24").node("node1", "underlay", "10.168.0.2").build())) {
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long t0 = System.nanoTime();
                topo.node("node1").exec("true").orThrow();
                micros.add((System.nanoTime() - t0) / 1_000);
            }
            List<Long> withInput = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long t0 = System.nanoTime();
                topo.node("node1").exec(org.flannel.harness.topology.Command.of("cat").withStdin("x")).orThrow();
                withInput.add((System.nanoTime() - t0) / 1_000);
            }
            System.out.printf("BENCHMARK docker exec: `true` median %d us, `cat` with stdin median %d us (20 each)%n",
                    median(micros), median(withInput));
        }
    }

    private static void time(String label, TopologySpec spec) {
        DockerDriver driver = new DockerDriver();
        driver.prepareImage();
        List<Long> creates = new ArrayList<>();
        List<Long> destroys = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            Topology topo = driver.create(spec);
            long t1 = System.nanoTime();
            assertThat(topo.etcd().isHealthy()).isTrue();
            String run = topo.runId();
            long t2 = System.nanoTime();
            topo.close();
            long t3 = System.nanoTime();
            assertThat(DockerState.containerNames(run)).isEmpty();
            creates.add(Duration.ofNanos(t1 - t0).toMillis());
            destroys.add(Duration.ofNanos(t3 - t2).toMillis());
        }
        System.out.printf("BENCHMARK docker topology: %s over %d runs: create %s ms (median %d), destroy %s ms (median %d)%n",
                label, RUNS, creates, median(creates), destroys, median(destroys));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
