package org.flannel.harness.topology.netns;

import org.flannel.harness.topology.support.BridgedContainer;
import org.flannel.harness.topology.support.PodBridge;

final class NetnsContainer extends NetnsHost implements BridgedContainer {
    private final String node;
    private final String address;
    private final PodBridge bridge;

    NetnsContainer(String name, String namespace, NetnsTopology topology, String node, String address,
            PodBridge bridge) {
        super(name, namespace, topology);
        this.node = node;
        this.address = address;
        this.bridge = bridge;
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
}
