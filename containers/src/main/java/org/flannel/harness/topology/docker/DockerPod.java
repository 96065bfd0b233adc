package org.flannel.harness.topology.docker;

import org.flannel.harness.topology.support.PodBridge;
import java.util.ArrayList;
import java.util.List;
import org.flannel.harness.topology.Container;

/** A pod: a network namespace (named like the pod) inside its node's container, behind the node's docker0. */
final class DockerPod extends DockerHost implements Container {
    private final DockerNode node;
    private final String address;
    private final PodBridge bridge;

    DockerPod(String name, DockerNode node, String address, PodBridge bridge) {
        super(name, node.containerName(), node.topology());
        this.node = node;
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
        return node.name();
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public int prefixLength() {
        return bridge.subnet().prefixLength();
    }

    @Override
    public String gateway() {
        return bridge.subnet().addressText();
    }

    @Override
    public int mtu() {
        return bridge.mtu();
    }

    @Override
    public String toString() {
        return name() + " (netns " + name() + " in container " + containerName() + ")";
    }
}
