package org.flannel.harness.topology.docker;

import java.util.ArrayList;
import java.util.List;
import org.flannel.harness.topology.support.BridgedContainer;
import org.flannel.harness.topology.support.PodBridge;

/** A pod: a network namespace (named like the pod) inside its node's container, behind the node's docker0. */
final class DockerPod extends DockerHost implements BridgedContainer {
    private final String node;
    private final String address;
    private final PodBridge bridge;

    DockerPod(String name, DockerHost node, String address, PodBridge bridge) {
        super(name, node.containerName(), node.topology());
        this.node = node.name();
        this.address = address;
        this.bridge = bridge;
        attach(node.containerId());
    }

    @Override
    List<String> enter(List<String> argv) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name()));
        full.addAll(argv);
        return full;
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public PodBridge bridge() {
        return bridge;
    }

    @Override
    public String toString() {
        return name() + " (netns " + name() + " in container " + containerName() + ")";
    }
}
