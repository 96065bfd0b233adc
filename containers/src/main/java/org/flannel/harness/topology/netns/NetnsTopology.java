package org.flannel.harness.topology.netns;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flannel.harness.topology.Capture;
import org.flannel.harness.topology.Container;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.SubnetEnv;
import org.flannel.harness.topology.TopologySpec;
import org.flannel.harness.topology.support.AbstractTopology;

/**
 * A topology made of network namespaces. Owns the run's ledger; {@link NetnsAssembler} wires it up,
 * {@link ContainerAttacher} adds containers.
 */
final class NetnsTopology extends AbstractTopology<NetnsHost> {
    private final NetnsNames names;
    private final ProcessRunner runner;
    private final Netns netns;
    private final Ledger ledger;
    private final NetnsHost etcdHost;
    private final ContainerAttacher attacher;

    private NetnsTopology(
            String prefix, TopologySpec spec, NetnsSettings settings, ProcessRunner runner, Ledger ledger) {
        super("netns", prefix, spec, settings.workRoot());
        this.names = new NetnsNames(prefix);
        this.runner = runner;
        this.netns = new Netns(runner);
        this.ledger = ledger;
        for (TopologySpec.NodeSpec node : spec.nodes()) {
            addNode(node, new NetnsHost(node.name(), names.hostNamespace(node.name()), this));
        }
        for (TopologySpec.RouterSpec router : spec.routers()) {
            addRouter(router, new NetnsHost(router.name(), names.hostNamespace(router.name()), this));
        }
        this.etcdHost = spec.etcd().isPresent() ? new NetnsHost("etcd", names.etcdNamespace(), this) : null;
        this.attacher = new ContainerAttacher(this);
    }

    /** Writes the ledger, creates the work directory and arms the shutdown hook; nothing else yet. */
    static NetnsTopology open(String prefix, TopologySpec spec, NetnsSettings settings, ProcessRunner runner) {
        Ledger ledger = Ledger.create(settings.ledgerDir(), prefix);
        NetnsTopology topology = new NetnsTopology(prefix, spec, settings, runner, ledger);
        topology.prepare(settings.keepWorkDir());
        return topology;
    }

    /** Listed in the ledger before it exists, so that a sweeper finds it after a kill. */
    @Override
    protected void prepareWorkDir(boolean keep) {
        ledger.recordDirectory(workDir());
        super.prepareWorkDir(keep);
    }

    // ---- used by the assembler and the container attacher ----

    NetnsNames names() {
        return names;
    }

    ProcessRunner runner() {
        return runner;
    }

    @Override
    protected Optional<NetnsHost> etcdHost() {
        return Optional.ofNullable(etcdHost);
    }

    /** Records each namespace in the ledger and pushes its deletion, then creates them all. */
    void createNamespaces(List<String> namespaces) {
        for (String namespace : namespaces) {
            ledger.recordNamespace(namespace);
            pushUndo("delete namespace " + namespace, () -> netns.delete(namespace, STOP_GRACE));
        }
        netns.add(namespaces);
    }

    // ---- how things run here ----

    @Override
    protected ManagedProcess launch(
            NetnsHost host, String name, List<String> argv, Map<String, String> env, Path logFile) {
        return NetnsProcess.start(runner, host.name(), host.namespace(), name, argv, env, logFile);
    }

    @Override
    public Capture capture(String point, String filter) {
        checkOpen();
        Preflight.requireTcpdump();
        return super.capture(point, filter);
    }

    /** A segment's bridge is in a namespace of its own. */
    @Override
    protected NetnsHost segmentCaptureHost(String segment) {
        return new NetnsHost("segment " + segment, names.segmentNamespace(segment), this);
    }

    @Override
    protected String segmentBridge(String segment) {
        return names.segmentBridge();
    }

    @Override
    protected Capture startCapture(NetnsHost host, String point, String iface, String filter, Path pcap, Path log) {
        return NetnsCapture.start(runner, point, host.namespace(), iface, filter, pcap, log);
    }

    @Override
    public Container addContainer(String name, String node, Path subnetEnvFile, String address) {
        checkOpen();
        return attacher.attach(name, nodeHost(node), SubnetEnv.read(subnetEnvFile), address);
    }

    // ---- closing ----

    /** The ledger goes last, and only after a complete cleanup: otherwise the sweeper needs it. */
    @Override
    protected void afterCleanup(List<String> failures) {
        if (failures.isEmpty()) {
            try {
                ledger.delete();
            } catch (IOException e) {
                failures.add("delete ledger " + ledger.file() + ": " + e);
            }
        }
    }

    @Override
    protected String leftoversAdvice() {
        return "Its ledger " + ledger.file() + " is kept: the next create() after this JVM exits sweeps the rest, "
                + "or run java " + Sweeper.class.getName();
    }
}
