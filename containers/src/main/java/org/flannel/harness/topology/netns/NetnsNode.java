package org.flannel.harness.topology.netns;

import org.flannel.harness.topology.Node;
import org.flannel.harness.topology.TopologySpec.NodeSpec;

final class NetnsNode extends NetnsHost implements Node {
    private final NodeSpec spec;

    NetnsNode(NodeSpec spec, String namespace, NetnsTopology topology) {
        super(spec.name(), namespace, topology);
        this.spec = spec;
    }

    @Override
    public NodeSpec spec() {
        return spec;
    }
}
