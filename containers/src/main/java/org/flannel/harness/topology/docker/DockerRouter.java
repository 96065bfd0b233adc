package org.flannel.harness.topology.docker;

import org.flannel.harness.topology.Router;
import org.flannel.harness.topology.TopologySpec.RouterSpec;

final class DockerRouter extends DockerHost implements Router {
    private final RouterSpec spec;

    DockerRouter(RouterSpec spec, String containerName, DockerTopology topology) {
        super(spec.name(), containerName, topology);
        this.spec = spec;
    }

    @Override
    public RouterSpec spec() {
        return spec;
    }
}
