package org.flannel.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * close() removes everything a run made: processes (the topology's, a pod's, and one started behind
 * its back), captures and the work directory, plus whatever the driver made them in ({@link #trace}).
 */
public abstract class CleanupContract {
    /** What the driver made for one run, as found before close(). */
    @FunctionalInterface
    protected interface Trace {
        /** Asserts that none of it is left. */
        void assertGone() throws Exception;
    }

    protected abstract TopologyDriver driver();

    /** Asserts what the driver made for {@code topo} is there; returns the check that it went away. */
    protected abstract Trace trace(Topology topo) throws Exception;

    @Test
    void closeLeavesNothingOfTheRun() throws Exception {
        Topology topo = driver().create(Specs.twoNodesWithEtcd());
        Path workDir = topo.workDir();
        Node node1 = topo.node("node1");
        Path env = workDir.resolve("node1").resolve("subnet.env");
        Files.writeString(env, "FLANNEL_SUBNET=10.1.15.1/24\nFLANNEL_MTU=1450\n");
        topo.addContainer("pod", "node1", env).start("pod-sleeper", List.of("sleep", "987661"));
        node1.start("sleeper", List.of("sleep", "987662"));
        // Started behind the topology's back: only removing the node's namespace or container ends it.
        node1.exec("sh", "-c", "setsid sleep 987663 >/dev/null 2>&1 < /dev/null &")
                .orThrow();
        topo.capture("node2:eth0", "icmp");
        Trace made = trace(topo);
        assertThat(workDir).isDirectory();

        topo.close();

        made.assertGone();
        assertThat(workDir).doesNotExist();
        assertThatThrownBy(() -> node1.exec("true")).hasMessageContaining("is closed");
        topo.close(); // idempotent
    }
}
