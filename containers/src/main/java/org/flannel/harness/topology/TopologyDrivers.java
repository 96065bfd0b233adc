package org.flannel.harness.topology;

import java.nio.file.Path;
import java.util.List;
import org.flannel.harness.topology.docker.DockerDriver;
import org.flannel.harness.topology.docker.DockerSettings;
import org.flannel.harness.topology.netns.NetnsDriver;
import org.flannel.harness.topology.netns.NetnsSettings;

/** The driver the settings name, so that callers need not know the concrete drivers. */
public final class TopologyDrivers {
    private TopologyDrivers() {}

    /**
     * @param executableDirectories host directories the nodes must see at the same path (the implementations'
     *     directories): the netns driver shares the host's file system anyway, Docker mounts or copies them
     */
    public static TopologyDriver create(TopologySettings settings, List<Path> executableDirectories) {
        return switch (settings.driver()) {
            case TopologySettings.NETNS -> new NetnsDriver(NetnsSettings.of(settings));
            case TopologySettings.DOCKER -> new DockerDriver(DockerSettings.of(settings, executableDirectories));
            default -> throw new IllegalStateException("no driver " + settings.driver());
        };
    }
}
