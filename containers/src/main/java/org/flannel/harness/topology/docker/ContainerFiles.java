package org.flannel.harness.topology.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.flannel.harness.topology.TopologyException;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.images.builder.Transferable;

/**
 * Files copied into and out of a running container the way Testcontainers copies them (a tar stream
 * through the archive API, which works the same for a daemon on this machine and one elsewhere). It
 * is Testcontainers' {@link ContainerState} on the driver's own client, so that
 * {@code DockerClientFactory}, and with it Ryuk, never runs.
 */
final class ContainerFiles implements ContainerState {
    private final DockerClient client;
    private final String containerId;

    ContainerFiles(DockerClient client, String containerId) {
        this.client = client;
        this.containerId = containerId;
    }

    @Override
    public DockerClient getDockerClient() {
        return client;
    }

    @Override
    public String getContainerId() {
        return containerId;
    }

    @Override
    public InspectContainerResponse getContainerInfo() {
        return client.inspectContainerCmd(containerId).exec();
    }

    @Override
    public List<Integer> getExposedPorts() {
        return List.of();
    }

    /** Writes {@code content} to the file {@code path} in the container (mode 0644). */
    void write(String path, byte[] content) {
        try {
            copyFileToContainer(Transferable.of(content), path);
        } catch (RuntimeException e) {
            throw new TopologyException(
                    "cannot copy " + content.length + " bytes to " + path + " in container "
                            + DockerExec.shortId(containerId) + ": " + e.getMessage(),
                    e);
        }
    }

    /** Copies the file {@code path} out of the container to {@code target} on this machine. */
    void copyOut(String path, Path target) {
        try {
            copyFileFromContainer(path, in -> Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING));
        } catch (Exception e) { // also the IOException Testcontainers rethrows unchecked
            throw new TopologyException(
                    "cannot copy " + path + " out of container " + DockerExec.shortId(containerId) + " to " + target
                            + ": " + e.getMessage(),
                    e);
        }
    }
}
