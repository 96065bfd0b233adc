package org.flannel.harness.topology.netns;

import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologyDriver;
import org.flannel.harness.topology.TopologySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds topologies from Linux network namespaces: a segment is a bridge in a namespace of its
 * own, a node or container is a namespace, etcd runs in a namespace on its segment. Needs root.
 */
public final class NetnsDriver implements TopologyDriver {
    private static final Logger LOG = LoggerFactory.getLogger(NetnsDriver.class);

    private final NetnsSettings settings;

    /** Settings from system properties (see {@link NetnsSettings}). */
    public NetnsDriver() {
        this(NetnsSettings.fromSystemProperties());
    }

    public NetnsDriver(NetnsSettings settings) {
        this.settings = settings;
    }

    @Override
    public Topology create(TopologySpec spec) {
        long started = System.nanoTime();
        Preflight.check(spec);
        ProcessRunner runner = new ProcessRunner();
        Sweeper.Result swept = new Sweeper(settings.ledgerDir(), runner).sweep();
        swept.problems().forEach(problem -> LOG.warn("sweeping stale runs: {}", problem));
        String prefix = RunPrefix.choose(settings, new Netns(runner));
        NetnsTopology topology = NetnsTopology.open(prefix, spec, settings, runner);
        try {
            new NetnsAssembler(topology).assemble();
        } catch (RuntimeException e) {
            topology.closeAfterFailure(e);
            throw e;
        }
        LOG.debug("run {} created in {} ms", prefix, (System.nanoTime() - started) / 1_000_000);
        return topology;
    }
}
