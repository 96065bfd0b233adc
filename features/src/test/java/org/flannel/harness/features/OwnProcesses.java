package org.flannel.harness.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.flannel.harness.topology.ManagedProcess;

/**
 * The processes an agent started (its etcdctl watcher and guard, the udp proxy, ...), and the check that
 * none outlives it. Taken before the agent ends: its children are re-parented once it is gone.
 */
final class OwnProcesses {
    /** What an agent's children may take to notice it is gone (the watcher's guard looks every second). */
    private static final Duration GRACE = Duration.ofSeconds(3);

    private OwnProcesses() {}

    static List<ProcessHandle> of(ManagedProcess agent) {
        return ProcessHandle.of(agent.pid())
                .map(process -> process.descendants().toList())
                .orElse(List.of());
    }

    /** A running agent's processes, which hold at least its etcd watch (so that the check below has something to check). */
    static List<ProcessHandle> ofRunning(ManagedProcess agent) {
        List<ProcessHandle> own = of(agent);
        assertThat(watcher(own))
                .as("%s's etcdctl watch among its processes", agent)
                .isPresent();
        return own;
    }

    static Optional<ProcessHandle> watcher(List<ProcessHandle> own) {
        return own.stream()
                .filter(process -> process.info().commandLine().orElse("").matches(".*etcdctl.* watch .*"))
                .findFirst();
    }

    /** SIGTERM, as the harness stops an agent; its exit status, once none of {@code own} is left. */
    static int terminate(ManagedProcess agent, List<ProcessHandle> own) {
        ProcessHandle.of(agent.pid()).ifPresent(ProcessHandle::destroy);
        int status =
                agent.waitFor(Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError(agent + " ignored SIGTERM"));
        assertNoneLeft(own);
        return status;
    }

    static void assertNoneLeft(List<ProcessHandle> own) {
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (own.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            sleep();
        }
        assertThat(own.stream().filter(ProcessHandle::isAlive).map(OwnProcesses::describe))
                .as("processes of the agent still running %s after it ended", GRACE)
                .isEmpty();
    }

    private static String describe(ProcessHandle process) {
        return process.pid() + " " + process.info().commandLine().orElse("?");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
