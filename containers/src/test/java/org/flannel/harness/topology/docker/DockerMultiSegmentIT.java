package org.flannel.harness.topology.docker;

import org.flannel.harness.topology.MultiSegmentContract;
import org.flannel.harness.topology.TopologyDriver;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DockerAvailable.class)
class DockerMultiSegmentIT extends MultiSegmentContract {
    @Override
    protected TopologyDriver driver() {
        return new DockerDriver();
    }
}
