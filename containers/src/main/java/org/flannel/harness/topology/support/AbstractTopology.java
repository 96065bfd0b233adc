package org.flannel.harness.topology.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologyException;
import org.flannel.harness.topology.TopologySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every driver's topology does the same way: finds its hosts by name (with the same messages),
 * gives processes and captures their files in the work directory, and closes by unwinding one cleanup
 * stack, from {@link #close()} or from the JVM's shutdown hook. The driver supplies its hosts and how
 * processes and captures run on them.
 *
 * <p>Public methods past {@link Topology} are for the driver's own classes (assembler, hosts, attacher).
 *
 * @param <H> the driver's host class: its nodes and routers run on one ({@link TopologyNode},
 *     {@link TopologyRouter}), its containers and etcd are one
 */
public abstract class AbstractTopology<H extends Host> implements Topology {
    /** How long a process gets between SIGTERM and SIGKILL when the topology stops it. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String kind;
    private final String runId;
    private final TopologySpec spec;
    private final Path workDir;
    private final CleanupStack cleanup = new CleanupStack();
    private final Map<String, TopologyNode<H>> nodes = new LinkedHashMap<>();
    private final Map<String, TopologyRouter<H>> routers = new LinkedHashMap<>();
    private final Map<String, H> containers = new LinkedHashMap<>();
    private final Thread shutdownHook;
    private volatile EtcdMember etcd;
    private volatile boolean closed;

    /** @param kind the driver's name, for messages and the shutdown hook's thread */
    protected AbstractTopology(String kind, String runId, TopologySpec spec, Path workRoot) {
        this.kind = kind;
        this.runId = runId;
        this.spec = spec;
        this.workDir = workRoot.resolve(runId).toAbsolutePath().normalize();
        this.shutdownHook = new Thread(this::closeQuietly, kind + "-topology-cleanup-" + runId);
    }

    // ---- what the driver supplies ----

    /** Called by the driver's constructor for each node, in spec order: the host it runs on. */
    protected final void addNode(TopologySpec.NodeSpec node, H host) {
        nodes.put(node.name(), new TopologyNode<>(node, host));
    }

    /** The same for each router. */
    protected final void addRouter(TopologySpec.RouterSpec router, H host) {
        routers.put(router.name(), new TopologyRouter<>(router, host));
    }

    protected abstract Optional<H> etcdHost();

    /** Starts a long-running process on {@code host}, its output going to {@code logFile}. */
    protected abstract ManagedProcess launch(
            H host, String name, List<String> argv, Map<String, String> env, Path logFile);

    /** The host from which a segment's bridge is captured. */
    protected abstract H segmentCaptureHost(String segment);

    /** The segment's bridge as {@link #segmentCaptureHost} sees it. */
    protected abstract String segmentBridge(String segment);

    /** Starts tcpdump on {@code host} and returns once it listens. */
    protected abstract Capture startCapture(H host, String point, String iface, String filter, Path pcap, Path log);

    /** Ends close()'s complaint about an incomplete cleanup: what is left and how it goes away. */
    protected abstract String leftoversAdvice();

    /** Runs after the cleanup stack has unwound; may add to {@code failures}. */
    protected void afterCleanup(List<String> failures) {}

    // ---- opening ----

    /** Arms the shutdown hook and creates the work directory; closes again if that fails. */
    protected final void prepare(boolean keepWorkDir) {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            prepareWorkDir(keepWorkDir);
        } catch (RuntimeException e) {
            closeAfterFailure(e);
            throw e;
        }
    }

    /** logs/, captures/, and workDir/NAME for each node and router, for files of their own (a subnet file ...). */
    protected void prepareWorkDir(boolean keep) {
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

    // ---- for the driver's classes ----

    public final void pushUndo(String description, CleanupStack.Undo undo) {
        cleanup.push(description, undo);
    }

    public final void setEtcd(EtcdMember member) {
        this.etcd = member;
    }

    public final void checkOpen() {
        if (closed) {
            throw new TopologyException("topology " + runId + " is closed");
        }
    }

    /** The nodes in spec order, each with the host it runs on. */
    public final Collection<TopologyNode<H>> topologyNodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    /** The routers in spec order, each with the host it runs on. */
    public final Collection<TopologyRouter<H>> topologyRouters() {
        return Collections.unmodifiableCollection(routers.values());
    }

    /** The host that a node, router, container or the etcd member by name runs on. */
    public final synchronized Optional<H> findHost(String name) {
        if (nodes.containsKey(name)) {
            return Optional.of(nodes.get(name).host());
        }
        if (routers.containsKey(name)) {
            return Optional.of(routers.get(name).host());
        }
        if (containers.containsKey(name)) {
            return Optional.of(containers.get(name));
        }
        return etcdHost().filter(etcdHost -> etcdHost.name().equals(name));
    }

    /** @param container a {@link Container} too */
    public final synchronized void registerContainer(H container) {
        containers.put(container.name(), container);
    }

    /** Starts a process with a fresh log file, to be stopped at close if not before. */
    public final ManagedProcess startProcess(H host, String name, List<String> argv, Map<String, String> env) {
        checkOpen();
        Path logFile = uniqueFile(workDir.resolve("logs"), host.name() + "-" + safe(name), ".log");
        ManagedProcess process = launch(host, name, argv, env, logFile);
        cleanup.push("stop " + process, () -> process.stop(STOP_GRACE));
        return process;
    }

    /** The host the node named {@code name} runs on; the same check and message as {@link #node}. */
    protected final H nodeHost(String name) {
        return topologyNode(name).host();
    }

    private TopologyNode<H> topologyNode(String name) {
        TopologyNode<H> node = nodes.get(CapturePoint.hostOf(name));
        if (node == null) {
            throw new TopologyException("no node '" + name + "' in this topology; nodes are " + nodes.keySet());
        }
        return node;
    }

    // ---- Topology ----

    @Override
    public final String runId() {
        return runId;
    }

    @Override
    public final TopologySpec spec() {
        return spec;
    }

    @Override
    public final Path workDir() {
        return workDir;
    }

    @Override
    public final Node node(String name) {
        return topologyNode(name);
    }

    @Override
    public final List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    @Override
    public final synchronized Container container(String name) {
        H container = containers.get(CapturePoint.hostOf(name));
        if (container == null) {
            throw new TopologyException("no container '" + name + "'; containers are " + containers.keySet()
                    + " (add one with addContainer)");
        }
        return (Container) container;
    }

    @Override
    public final synchronized List<Container> containers() {
        return containers.values().stream().map(Container.class::cast).toList();
    }

    @Override
    public final Router router(String name) {
        TopologyRouter<H> router = routers.get(CapturePoint.hostOf(name));
        if (router == null) {
            throw new TopologyException("no router '" + name + "' in this topology; routers are " + routers.keySet()
                    + " (declare one with .router(name, addresses) in the spec)");
        }
        return router;
    }

    @Override
    public final List<Router> routers() {
        return List.copyOf(routers.values());
    }

    /** A node or router as {@link #node} and {@link #router} give it; a container or etcd as it is. */
    @Override
    public final Host host(String name) {
        String host = CapturePoint.hostOf(name);
        if (nodes.containsKey(host)) {
            return nodes.get(host);
        }
        if (routers.containsKey(host)) {
            return routers.get(host);
        }
        return findHost(host)
                .orElseThrow(() -> new TopologyException("no host '" + name + "'; nodes are " + nodes.keySet()
                        + ", routers " + routers.keySet() + ", containers " + containers.keySet()));
    }

    @Override
    public final EtcdMember etcd() {
        if (etcd == null) {
            throw new TopologyException(
                    "this topology has no etcd; declare one with .etcd(segment, address) in the spec");
        }
        return etcd;
    }

    /** A host's interface is captured on that host; a segment on its bridge, from {@link #segmentCaptureHost}. */
    @Override
    public Capture capture(String point, String filter) {
        checkOpen();
        CapturePoint where = CapturePoint.parse(point);
        H host;
        String iface;
        Optional<H> found = findHost(where.host());
        if (found.isPresent()) {
            host = found.get();
            iface = where.iface().orElse("eth0");
        } else if (spec.segment(where.host()).isPresent()) {
            host = segmentCaptureHost(where.host());
            iface = where.iface().orElse(segmentBridge(where.host()));
        } else {
            throw new TopologyException("capture point '" + point + "' names no host or segment; hosts are "
                    + nodes.keySet() + " " + routers.keySet() + " " + containers.keySet() + ", segments "
                    + spec.segments().stream()
                            .map(TopologySpec.SegmentSpec::name)
                            .toList());
        }
        String label = safe(where.host() + "-" + iface);
        Path pcap = uniqueFile(workDir.resolve("captures"), label, ".pcap");
        Path logFile = uniqueFile(workDir.resolve("logs"), "tcpdump-" + label, ".log");
        Capture capture = startCapture(host, where.host() + ":" + iface, iface, filter, pcap, logFile);
        cleanup.push("stop " + capture, capture::stop);
        return capture;
    }

    @Override
    public final Container addContainer(String name, String node, Path subnetEnvFile) {
        return addContainer(name, node, subnetEnvFile, null);
    }

    // ---- closing ----

    @Override
    public final void close() {
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
        afterCleanup(failures);
        log.debug("run {} destroyed in {} ms", runId, (System.nanoTime() - started) / 1_000_000);
        if (!failures.isEmpty()) {
            throw new TopologyException("cleanup of run " + runId + " was incomplete:\n  - "
                    + String.join("\n  - ", failures) + "\n" + leftoversAdvice());
        }
    }

    /** Closes after {@code cause} broke opening or assembling; a failing cleanup is added to it, not thrown. */
    public final void closeAfterFailure(RuntimeException cause) {
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
            log.warn("cleanup at JVM exit: {}", e.getMessage());
        }
    }

    // ---- files ----

    /** base + suffix, or base-2 + suffix ... if taken; created empty so that no other caller gets it. */
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
        return kind + " topology " + runId + " " + spec;
    }
}
