package org.flannel.harness.topology.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.util.ArrayList;
import java.util.List;
import org.flannel.harness.topology.Command;
import org.flannel.harness.topology.TimingContract;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologyDriver;
import org.flannel.harness.topology.TopologySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Also prints how long the base image takes to resolve (cached) and to build (cold: only when this
 * run built it, or with -Dflannel.docker.benchmarkColdBuild=true, which builds a throwaway copy of the
 * recipe and removes it), and what an exec costs.
 */
@ExtendWith(DockerAvailable.class)
class DockerTimingIT extends TimingContract {
    @Override
    protected TopologyDriver driver() {
        return new DockerDriver();
    }

    /** Fewer than netns: a create and destroy take about 2 s here. */
    @Override
    protected int runs() {
        return 3;
    }

    @Override
    protected void warmUp() {
        new DockerDriver().prepareImage();
    }

    @Override
    protected void assertGone(String runId) {
        assertThat(DockerState.containerNames(runId)).isEmpty();
    }

    @Test
    void printImageBuildTimes() {
        DockerClient client = DockerState.client();
        DockerSettings settings = DockerSettings.fromSystemProperties();
        BaseImage.Resolved first = BaseImage.resolve(client, settings);
        if (first.built()) {
            System.out.printf(
                    "BENCHMARK docker image: cold build of %s took %d s%n",
                    first.reference(), first.took().toSeconds());
        }
        BaseImage.Resolved cached = BaseImage.resolve(client, settings);
        assertThat(cached.built()).isFalse();
        System.out.printf(
                "BENCHMARK docker image: cached %s resolved in %d ms%n",
                cached.reference(), cached.took().toMillis());
        if (Boolean.getBoolean("flannel.docker.benchmarkColdBuild")) {
            ImageRecipe base = ImageRecipe.DEFAULT;
            ImageRecipe throwaway = new ImageRecipe(base.suite(), base.variant(), base.packages(), base.excludes(), -1);
            BaseImage.Resolved cold = BaseImage.ensure(client, throwaway, settings.debianMirror(), settings.workRoot());
            try {
                assertThat(cold.built()).isTrue();
                System.out.printf(
                        "BENCHMARK docker image: cold build (debootstrap + load) took %d s%n",
                        cold.took().toSeconds());
            } finally {
                client.removeImageCmd(cold.reference()).withForce(true).exec();
            }
        } else if (!first.built()) {
            System.out.println("BENCHMARK docker image: cold build not measured (the image was cached; "
                    + "-Dflannel.docker.benchmarkColdBuild=true builds a throwaway copy)");
        }
    }

    @Test
    void printExecLatency() {
        try (Topology topo = new DockerDriver()
                .create(TopologySpec.builder()
                        .segment("underlay", "10.168.0.0/24")
                        .node("node1", "underlay", "10.168.0.2")
                        .build())) {
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long t0 = System.nanoTime();
                topo.node("node1").exec("true").orThrow();
                micros.add((System.nanoTime() - t0) / 1_000);
            }
            List<Long> withInput = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long t0 = System.nanoTime();
                topo.node("node1").exec(Command.of("cat").withStdin("x")).orThrow();
                withInput.add((System.nanoTime() - t0) / 1_000);
            }
            System.out.printf(
                    "BENCHMARK docker exec: `true` median %d us, `cat` with stdin median %d us (20 each)%n",
                    median(micros), median(withInput));
        }
    }
}
