package org.flannel.harness.topology.docker;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.flannel.harness.topology.TopologyException;
import org.junit.jupiter.api.Test;

class DockerConnectionTest {
    private static final Path NOWHERE = Path.of("/nonexistent/docker.sock");

    @Test
    void noDaemonAnywhereIsExplainedWithWhatToDo() {
        assertThatThrownBy(() -> DockerConnection.requireSomewhereToLook(null, NOWHERE, NOWHERE))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining(
                        "Docker is unreachable (DOCKER_HOST is not set and /nonexistent/docker.sock does not exist)")
                .hasMessageContaining("dockerd")
                .hasMessageContaining("DOCKER_HOST");
    }

    @Test
    void aDockerHostIsWorthTrying() {
        assertThatCode(() -> DockerConnection.requireSomewhereToLook("tcp://10.0.0.1:2375", NOWHERE, NOWHERE))
                .doesNotThrowAnyException();
    }
}
