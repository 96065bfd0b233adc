package org.flannel.harness.topology.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flannel.harness.topology.TopologyContract;
import org.flannel.harness.topology.TopologyDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DockerAvailable.class)
class DockerTopologyIT extends TopologyContract {
    @Override
    protected TopologyDriver driver() {
        return new DockerDriver();
    }

    /** Only Docker separates file systems: a node's work directory is bind-mounted, the rest is its own. */
    @Test
    void theNodesWorkDirectoryIsTheSameOnBothSides() throws Exception {
        Path file = topo.workDir().resolve("node1").resolve("from-inside");
        node1.exec("sh", "-c", "echo written-inside > " + file).orThrow();
        assertThat(Files.readString(file)).isEqualTo("written-inside\n");
        assertThat(node2.exec("test", "-e", file.toString()).exitCode())
                .as("node2 has its own")
                .isNotZero();
        assertThat(node1.exec("sh", "-c", "echo 1 > /proc/sys/net/ipv4/conf/eth0/accept_local")
                        .exitCode())
                .as("/proc/sys is writable, as flanneld needs")
                .isZero();
    }
}
