package org.flannel.harness.topology.netns;

import org.flannel.harness.topology.Router;
import org.flannel.harness.topology.TopologySpec.RouterSpec;

final class NetnsRouter extends NetnsHost implements Router {
    private final RouterSpec spec;

    NetnsRouter(RouterSpec spec, String namespace, NetnsTopology topology) {
        super(spec.name(), namespace, topology);
        this.spec = spec;
    }

    @Override
    public RouterSpec spec() {
        return spec;
    }
}
