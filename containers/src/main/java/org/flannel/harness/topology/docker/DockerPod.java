package org.flannel.harness.topology.docker;

import java.util.ArrayList;
import java.util.List;
import org.flannel.harness.topology.support.BridgedContainer;

/** A pod: a network namespace (named like the pod) inside its node's container, behind the node's docker0. */
final class DockerPod extends DockerHost implements BridgedContainer {
    private final Placement placement;

    DockerPod(String name, DockerHost node, Placement placement) {
        super(name, node.containerName(), node.topology());
        this.placement = placement;
        attach(node.containerId());
    }

    @Override
    List<String> enter(List<String> argv) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name()));
        full.addAll(argv);
        return full;
    }

    @Override
    public Placement placement() {
        return placement;
    }

    @Override
    public String toString() {
        return name() + " (netns " + name() + " in container " + containerName() + ")";
    }
}
