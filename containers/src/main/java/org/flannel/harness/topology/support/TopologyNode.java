package org.flannel.harness.topology.support;

import org.flannel.harness.topology.Host;
import org.flannel.harness.topology.Node;
import org.flannel.harness.topology.TopologySpec.NodeSpec;

/** A node, whichever driver's host it runs on. */
public final class TopologyNode<H extends Host> extends SpecifiedHost<H, NodeSpec> implements Node {
    public TopologyNode(NodeSpec spec, H host) {
        super(spec, host);
    }
}
