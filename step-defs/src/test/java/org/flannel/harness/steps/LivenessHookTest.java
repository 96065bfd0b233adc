package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.flannel.harness.impl.Agent;
import org.flannel.harness.run.Implementations;
import org.flannel.harness.run.RunSettings;
import org.flannel.harness.topology.ManagedProcess;
import org.junit.jupiter.api.Test;

class LivenessHookTest {
    private final ScenarioWorld world =
            new ScenarioWorld(new Implementations(RunSettings.from(Map.<String, String>of()::get)));
    private final LivenessHook hook = new LivenessHook(world);

    @Test
    void anAgentThatDiedAfterItWasReadyFailsTheScenarioWithItsStatusAndLogTail() {
        String log = IntStream.rangeClosed(1, 40).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        world.started("node1", agent(new FakeProcess(true, 0, "")));
        world.started("node2", agent(new FakeProcess(false, 1, log)));
        assertThatThrownBy(hook::everyAgentNotStoppedIsStillRunning)
                .hasMessageContaining("flanneld on node2 exited with status 1")
                .hasMessageContaining("line 40")
                .hasMessageContaining("line 26")
                .hasMessageNotContaining("line 25\n")
                .hasMessageNotContaining("node1");
    }

    @Test
    void anAgentGivenAReasonToExitMayHaveExited() {
        world.started("node2", agent(new FakeProcess(false, 0, "Lease has been revoked.")));
        world.allowExit("node2");
        assertThatCode(hook::everyAgentNotStoppedIsStillRunning).doesNotThrowAnyException();
        world.forbidExit("node2");
        assertThatThrownBy(hook::everyAgentNotStoppedIsStillRunning).hasMessageContaining("status 0");
    }

    private static Agent agent(ManagedProcess process) {
        return new Agent(null, process, Path.of("/nonexistent/subnet.env"), Optional.empty(), null);
    }

    private record FakeProcess(boolean alive, int status, String log) implements ManagedProcess {
        public String name() {
            return "flanneld";
        }

        public long pid() {
            return 1;
        }

        public boolean isAlive() {
            return alive;
        }

        public String logs() {
            return log;
        }

        public Path logFile() {
            return Path.of("/nonexistent/log");
        }

        public Optional<Integer> waitFor(Duration limit) {
            return alive ? Optional.empty() : Optional.of(status);
        }

        public void signal(String signal) {}

        public int stop(Duration grace) {
            return status;
        }
    }
}
