package org.flannel.harness.topology.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A run in another JVM, ended by SIGTERM (its shutdown hook cleans up) or SIGKILL (the next
 * create() sweeps it by label), next to containers that are not ours or not dead.
 */
@ExtendWith(DockerAvailable.class)
class DockerKilledRunIT {
    private final DockerClient client = DockerState.client();

    @Test
    void sigtermRunsTheCleanupThroughTheShutdownHook() throws Exception {
        Process child = startHolder();
        String[] ready = awaitReady(child);
        String run = ready[0];
        assertThat(DockerState.containerNames(run)).hasSize(3);

        child.destroy();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(DockerState.containerNames(run)).isEmpty();
        assertThat(DockerState.networkNames(run)).isEmpty();
        assertThat(Path.of(ready[1])).doesNotExist();
    }

    @Test
    void sigkillLeavesARunThatTheNextCreateSweepsAndNothingElse() throws Exception {
        Process child = startHolder();
        String[] ready = awaitReady(child);
        String run = ready[0];
        child.destroyForcibly();
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(DockerState.containerNames(run)).containsExactly(run + "-etcd", run + "-node1", run + "-seg-host");
        assertThat(DockerState.networkNames(run)).hasSize(1);

        String image = new DockerDriver().prepareImage();
        String foreign = "foreign-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String liveRun = "fxlive" + ThreadLocalRandom.current().nextInt(10);
        String otherHostRun = "fxother" + ThreadLocalRandom.current().nextInt(10);
        String foreignId = sleeper(image, foreign, Map.of());
        String liveId = sleeper(
                image,
                liveRun + "-node1",
                Map.of(Labels.RUN, liveRun, Labels.OWNER, Owner.current().label()));
        String otherId = sleeper(
                image, otherHostRun + "-node1", Map.of(Labels.RUN, otherHostRun, Labels.OWNER, "elsewhere/boot/1/1"));
        try (Topology next = new DockerDriver()
                .create(TopologySpec.builder()
                        .segment("underlay", "10.168.0.0/24")
                        .node("node1", "underlay", "10.168.0.2")
                        .build())) {
            assertThat(next.runId()).isNotEqualTo(run);

            assertThat(DockerState.containerNames(run))
                    .as("the killed run's containers")
                    .isEmpty();
            assertThat(DockerState.networkNames(run))
                    .as("the killed run's network")
                    .isEmpty();
            assertThat(Path.of(ready[1])).as("its work directory").doesNotExist();
            assertThat(HostFirewall.rulesMentioning("run=" + run + " "))
                    .as("its firewall rule")
                    .isEmpty();
            assertThat(DockerState.containerExists(foreign))
                    .as("a container without our label")
                    .isTrue();
            assertThat(DockerState.containerExists(liveRun + "-node1"))
                    .as("a run whose owner lives")
                    .isTrue();
            assertThat(DockerState.containerExists(otherHostRun + "-node1"))
                    .as("a run of another host")
                    .isTrue();
        } finally {
            for (String id : List.of(foreignId, liveId, otherId)) {
                client.removeContainerCmd(id).withForce(true).exec();
            }
        }
    }

    private String sleeper(String image, String name, Map<String, String> labels) {
        String id = client.createContainerCmd(image)
                .withName(name)
                .withLabels(labels)
                .withCmd("sleep", "infinity")
                .withEnv(ContainerFactory.PATH)
                .exec()
                .getId();
        client.startContainerCmd(id).exec();
        return id;
    }

    private Process startHolder() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), DockerHoldTopology.class.getName())
                .redirectErrorStream(true)
                .start();
    }

    /** The run prefix and work directory the holder printed. */
    private static String[] awaitReady(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                Thread drain = new Thread(() -> drain(out));
                drain.setDaemon(true);
                drain.start();
                return line.substring(6).trim().split(" ");
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("holder exited without READY:\n" + seen);
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // keep the child's stdout from filling up
            }
        } catch (java.io.IOException e) {
            // the child is gone
        }
    }
}
