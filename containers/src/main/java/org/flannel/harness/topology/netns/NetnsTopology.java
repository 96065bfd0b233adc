package org.flannel.harness.topology.netns;

import org.flannel.harness.topology.support.CleanupStack;
import org.flannel.harness.topology.support.Directories;
import org.flannel.harness.topology.support.PodBridge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flannel.harness.topology.Capture;
import org.flannel.harness.topology.CapturePoint;
import org.flannel.harness.topology.Container;
import org.flannel.harness.topology.EtcdMember;
import org.flannel.harness.topology.Host;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.Node;
import org.flannel.harness.topology.Router;
import org.flannel.harness.topology.SubnetEnv;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologyException;
import org.flannel.harness.topology.TopologySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A topology made of network namespaces. Owns the run's ledger, work directory and cleanup
 * stack; {@link NetnsAssembler} wires it up, {@link ContainerAttacher} adds containers.
 */
final class NetnsTopology implements Topology {
    private static final Logger LOG = LoggerFactory.getLogger(NetnsTopology.class);
    static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final NetnsNames names;
    private final TopologySpec spec;
    private final ProcessRunner runner;
    private final Netns netns;
    private final Ledger ledger;
    private final Path workDir;
    private final CleanupStack cleanup = new CleanupStack();
    private final Map<String, NetnsNode> nodes = new LinkedHashMap<>();
    private final Map<String, NetnsRouter> routers = new LinkedHashMap<>();
    private final NetnsHost etcdHost;
    private final Map<String, NetnsContainer> containers = new LinkedHashMap<>();
    private final Map<String, PodBridge> bridges = new HashMap<>();
    private final Thread shutdownHook;
    private volatile EtcdMember etcd;
    private volatile boolean closed;

    private NetnsTopology(String prefix, TopologySpec spec, NetnsSettings settings, ProcessRunner runner, Ledger ledger) {
        this.names = new NetnsNames(prefix);
        this.spec = spec;
        this.runner = runner;
        this.netns = new Netns(runner);
        this.ledger = ledger;
        this.workDir = settings.workRoot().resolve(prefix).toAbsolutePath().normalize();
        for (TopologySpec.NodeSpec node : spec.nodes()) {
            nodes.put(node.name(), new NetnsNode(node, names.hostNamespace(node.name()), this));
        }
        for (TopologySpec.RouterSpec router : spec.routers()) {
            routers.put(router.name(), new NetnsRouter(router, names.hostNamespace(router.name()), this));
        }
        this.etcdHost = spec.etcd().isPresent() ? new NetnsHost("etcd", names.etcdNamespace(), this) : null;
        this.shutdownHook = new Thread(this::closeQuietly, "topology-cleanup-" + prefix);
    }

    /** Writes the ledger, creates the work directory and arms the shutdown hook; nothing else yet. */
    static NetnsTopology open(String prefix, TopologySpec spec, NetnsSettings settings, ProcessRunner runner) {
        Ledger ledger = Ledger.create(settings.ledgerDir(), prefix);
        NetnsTopology topology = new NetnsTopology(prefix, spec, settings, runner, ledger);
        Runtime.getRuntime().addShutdownHook(topology.shutdownHook);
        try {
            topology.prepareWorkDir(settings.keepWorkDir());
        } catch (RuntimeException e) {
            topology.closeAfterFailure(e);
            throw e;
        }
        return topology;
    }

    private void prepareWorkDir(boolean keep) {
        ledger.recordDirectory(workDir);
        if (!keep) {
            cleanup.push("delete work directory " + workDir, () -> Directories.deleteRecursively(workDir));
        }
        try {
            Files.createDirectories(workDir.resolve("logs"));
            Files.createDirectories(workDir.resolve("captures"));
            for (String node : nodes.keySet()) {
                Files.createDirectories(workDir.resolve(node));
            }
            for (String router : routers.keySet()) {
                Files.createDirectories(workDir.resolve(router));
            }
        } catch (IOException e) {
            throw new TopologyException("cannot create work directory " + workDir + ": " + e, e);
        }
    }

    // ---- used by the assembler and the container attacher ----

    NetnsNames names() {
        return names;
    }

    ProcessRunner runner() {
        return runner;
    }

    Map<String, NetnsNode> nodeMap() {
        return nodes;
    }

    Map<String, NetnsRouter> routerMap() {
        return routers;
    }

    Optional<NetnsHost> etcdHost() {
        return Optional.ofNullable(etcdHost);
    }

    void setEtcd(EtcdMember member) {
        this.etcd = member;
    }

    void pushUndo(String description, CleanupStack.Undo undo) {
        cleanup.push(description, undo);
    }

    /** Records each namespace in the ledger and pushes its deletion, then creates them all. */
    void createNamespaces(List<String> namespaces) {
        for (String namespace : namespaces) {
            ledger.recordNamespace(namespace);
            cleanup.push("delete namespace " + namespace, () -> netns.delete(namespace, STOP_GRACE));
        }
        netns.add(namespaces);
    }

    synchronized Optional<PodBridge> bridge(String node) {
        return Optional.ofNullable(bridges.get(node));
    }

    synchronized void registerBridge(String node, PodBridge bridge) {
        bridges.put(node, bridge);
    }

    synchronized void registerContainer(NetnsContainer container) {
        containers.put(container.name(), container);
    }

    ManagedProcess startProcess(NetnsHost host, String name, List<String> argv, Map<String, String> env) {
        checkOpen();
        Path log = uniqueFile(workDir.resolve("logs"), host.name() + "-" + safe(name), ".log");
        NetnsProcess process = NetnsProcess.start(runner, host.name(), host.namespace(), name, argv, env, log);
        cleanup.push("stop " + process, () -> process.stop(STOP_GRACE));
        return process;
    }

    void checkOpen() {
        if (closed) {
            throw new TopologyException("topology " + names.prefix() + " is closed");
        }
    }

    // ---- Topology ----

    @Override
    public String runId() {
        return names.prefix();
    }

    @Override
    public TopologySpec spec() {
        return spec;
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public Node node(String name) {
        NetnsNode node = nodes.get(CapturePoint.hostOf(name));
        if (node == null) {
            throw new TopologyException("no node '" + name + "' in this topology; nodes are " + nodes.keySet());
        }
        return node;
    }

    @Override
    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    @Override
    public synchronized Container container(String name) {
        NetnsContainer container = containers.get(CapturePoint.hostOf(name));
        if (container == null) {
            throw new TopologyException("no container '" + name + "'; containers are " + containers.keySet()
                    + " (add one with addContainer)");
        }
        return container;
    }

    @Override
    public synchronized List<Container> containers() {
        return List.copyOf(containers.values());
    }

    @Override
    public Router router(String name) {
        NetnsRouter router = routers.get(CapturePoint.hostOf(name));
        if (router == null) {
            throw new TopologyException("no router '" + name + "' in this topology; routers are " + routers.keySet()
                    + " (declare one with .router(name, addresses) in the spec)");
        }
        return router;
    }

    @Override
    public List<Router> routers() {
        return List.copyOf(routers.values());
    }

    @Override
    public Host host(String name) {
        return findHost(CapturePoint.hostOf(name)).orElseThrow(() -> new TopologyException(
                "no host '" + name + "'; nodes are " + nodes.keySet() + ", routers " + routers.keySet()
                        + ", containers " + containers.keySet()));
    }

    synchronized Optional<NetnsHost> findHost(String name) {
        if (nodes.containsKey(name)) {
            return Optional.of(nodes.get(name));
        }
        if (routers.containsKey(name)) {
            return Optional.of(routers.get(name));
        }
        if (containers.containsKey(name)) {
            return Optional.of(containers.get(name));
        }
        if (etcdHost != null && etcdHost.name().equals(name)) {
            return Optional.of(etcdHost);
        }
        return Optional.empty();
    }

    @Override
    public EtcdMember etcd() {
        if (etcd == null) {
            throw new TopologyException("this topology has no etcd; declare one with .etcd(segment, address) in the spec");
        }
        return etcd;
    }

    @Override
    public Capture capture(String point, String filter) {
        checkOpen();
        Preflight.requireTcpdump();
        CapturePoint where = CapturePoint.parse(point);
        String namespace;
        String iface;
        Optional<NetnsHost> host = findHost(where.host());
        if (host.isPresent()) {
            namespace = host.get().namespace();
            iface = where.iface().orElse("eth0");
        } else if (spec.segment(where.host()).isPresent()) {
            namespace = names.segmentNamespace(where.host());
            iface = where.iface().orElse(names.segmentBridge());
        } else {
            throw new TopologyException("capture point '" + point + "' names no host or segment; hosts are "
                    + nodes.keySet() + " " + routers.keySet() + " " + containers.keySet() + ", segments " + spec.segments().stream()
                            .map(TopologySpec.SegmentSpec::name).toList());
        }
        String label = safe(where.host() + "-" + iface);
        Path pcap = uniqueFile(workDir.resolve("captures"), label, ".pcap");
        Path log = uniqueFile(workDir.resolve("logs"), "tcpdump-" + label, ".log");
        TcpdumpCapture capture = TcpdumpCapture.start(runner, where.host() + ":" + iface, namespace, iface, filter, pcap, log);
        cleanup.push("stop " + capture, capture::stop);
        return capture;
    }

    @Override
    public Container addContainer(String name, String node, Path subnetEnvFile) {
        checkOpen();
        return new ContainerAttacher(this).attach(name, (NetnsNode) node(node), SubnetEnv.read(subnetEnvFile), null);
    }

    @Override
    public Container addContainer(String name, String node, Path subnetEnvFile, String address) {
        checkOpen();
        return new ContainerAttacher(this).attach(name, (NetnsNode) node(node), SubnetEnv.read(subnetEnvFile), address);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to; our unwinding is synchronized with it.
            }
        }
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>(cleanup.unwind());
        if (failures.isEmpty()) {
            try {
                ledger.delete();
            } catch (IOException e) {
                failures.add("delete ledger " + ledger.file() + ": " + e);
            }
        }
        LOG.debug("run {} destroyed in {} ms", names.prefix(), (System.nanoTime() - started) / 1_000_000);
        if (!failures.isEmpty()) {
            throw new TopologyException("cleanup of run " + names.prefix() + " was incomplete:\n  - "
                    + String.join("\n  - ", failures) + "\nIts ledger " + ledger.file() + " is kept: the next create() after "
                    + "this JVM exits sweeps the rest, or run java " + Sweeper.class.getName());
        }
    }

    void closeAfterFailure(RuntimeException cause) {
        try {
            close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.warn("cleanup at JVM exit: {}", e.getMessage());
        }
    }

    private static synchronized Path uniqueFile(Path dir, String base, String suffix) {
        Path candidate = dir.resolve(base + suffix);
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = dir.resolve(base + "-" + i + suffix);
        }
        try {
            Files.createFile(candidate);
        } catch (IOException e) {
            throw new TopologyException("cannot create " + candidate + ": " + e, e);
        }
        return candidate;
    }

    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    @Override
    public String toString() {
        return "netns topology " + names.prefix() + " " + spec;
    }
}
