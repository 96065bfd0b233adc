package org.flannel.harness.topology.docker;

import org.flannel.harness.topology.Node;
import org.flannel.harness.topology.TopologySpec.NodeSpec;

final class DockerNode extends DockerHost implements Node {
    private final NodeSpec spec;

    DockerNode(NodeSpec spec, String containerName, DockerTopology topology) {
        super(spec.name(), containerName, topology);
        this.spec = spec;
    }

    @Override
    public NodeSpec spec() {
        return spec;
    }
}
