package org.flannel.harness.topology.netns;

import org.flannel.harness.topology.MultiSegmentContract;
import org.flannel.harness.topology.TopologyDriver;

class MultiSegmentIT extends MultiSegmentContract {
    @Override
    protected TopologyDriver driver() {
        return new NetnsDriver();
    }
}
