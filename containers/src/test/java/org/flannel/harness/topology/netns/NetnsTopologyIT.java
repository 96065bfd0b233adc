package org.flannel.harness.topology.netns;

import org.flannel.harness.topology.TopologyContract;
import org.flannel.harness.topology.TopologyDriver;

class NetnsTopologyIT extends TopologyContract {
    @Override
    protected TopologyDriver driver() {
        return new NetnsDriver();
    }
}
