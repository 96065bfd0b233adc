package org.flannel.harness.topology.netns;

import org.flannel.harness.topology.support.BridgedContainer;

/** A container: a namespace of its own behind its node's docker0. */
final class NetnsContainer extends NetnsHost implements BridgedContainer {
    private final Placement placement;

    NetnsContainer(String name, String namespace, NetnsTopology topology, Placement placement) {
        super(name, namespace, topology);
        this.placement = placement;
    }

    @Override
    public Placement placement() {
        return placement;
    }
}
