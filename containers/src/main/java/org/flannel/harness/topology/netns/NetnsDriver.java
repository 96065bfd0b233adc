package org.flannel.harness.topology.netns;

import java.nio.file.Files;
import java.util.List;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologyDriver;
import org.flannel.harness.topology.TopologySpec;
import org.flannel.harness.topology.support.RunPrefix;
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
        String prefix = choosePrefix(new Netns(runner).list());
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

    /** Never a prefix with a ledger or namespaces: another run's, or one a sweep could not remove. */
    private String choosePrefix(List<String> namespaces) {
        return RunPrefix.choose(
                settings.runPrefix(),
                prefix -> Files.exists(Ledger.fileFor(settings.ledgerDir(), prefix))
                        || namespaces.stream().anyMatch(namespace -> namespace.startsWith(prefix + "-")),
                prefix -> "a ledger " + Ledger.fileFor(settings.ledgerDir(), prefix) + " or namespaces " + prefix
                        + "-* exist");
    }
}
