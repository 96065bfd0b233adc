package org.flannel.harness.topology.support;

import org.flannel.harness.topology.Host;
import org.flannel.harness.topology.Router;
import org.flannel.harness.topology.TopologySpec.RouterSpec;

/** A router, whichever driver's host it runs on. */
public final class TopologyRouter<H extends Host> extends SpecifiedHost<H, RouterSpec> implements Router {
    public TopologyRouter(RouterSpec spec, H host) {
        super(spec, host);
    }
}
