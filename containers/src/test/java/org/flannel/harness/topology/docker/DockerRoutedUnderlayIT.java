package org.flannel.harness.topology.docker;

import org.flannel.harness.topology.RoutedUnderlayContract;
import org.flannel.harness.topology.TopologyDriver;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DockerAvailable.class)
class DockerRoutedUnderlayIT extends RoutedUnderlayContract {
    @Override
    protected TopologyDriver driver() {
        return new DockerDriver();
    }
}
