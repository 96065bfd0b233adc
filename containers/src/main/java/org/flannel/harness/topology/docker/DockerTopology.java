package org.flannel.harness.topology.docker;

import org.flannel.harness.topology.support.CleanupStack;
import org.flannel.harness.topology.support.Directories;
import org.flannel.harness.topology.support.PodBridge;
import com.github.dockerjava.api.DockerClient;
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
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologyException;
import org.flannel.harness.topology.TopologySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A topology made of containers on Docker networks. Owns the run's work directory and cleanup
 * stack; {@link DockerAssembler} wires it up, {@link PodAttacher} adds pods.
 */
final class DockerTopology implements Topology {
    private static final Logger LOG = LoggerFactory.getLogger(DockerTopology.class);
    static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final DockerNames names;
    private final TopologySpec spec;
    private final DockerSettings settings;
    private final DockerConnection connection;
    private final DockerExec exec;
    private final Owner owner;
    private final String image;
    private final Path workDir;
    private final CleanupStack cleanup = new CleanupStack();
    private final Map<String, DockerNode> nodes = new LinkedHashMap<>();
    private final Map<String, DockerRouter> routers = new LinkedHashMap<>();
    private final DockerHost etcdHost;
    private final DockerHost segmentHelper;
    private final List<SegmentNetworks.Segment> segments;
    private final Map<String, DockerPod> pods = new LinkedHashMap<>();
    private final Map<String, PodBridge> podBridges = new HashMap<>();
    private final Thread shutdownHook;
    private volatile EtcdMember etcd;
    private volatile boolean closed;

    private DockerTopology(String prefix, TopologySpec spec, DockerSettings settings, DockerConnection connection,
            String image) {
        this.names = new DockerNames(prefix);
        this.spec = spec;
        this.settings = settings;
        this.connection = connection;
        this.exec = new DockerExec(connection.client());
        this.owner = Owner.current();
        this.image = image;
        this.workDir = settings.workRoot().resolve(prefix).toAbsolutePath().normalize();
        for (TopologySpec.NodeSpec node : spec.nodes()) {
            nodes.put(node.name(), new DockerNode(node, names.container(node.name()), this));
        }
        for (TopologySpec.RouterSpec router : spec.routers()) {
            routers.put(router.name(), new DockerRouter(router, names.container(router.name()), this));
        }
        this.etcdHost = spec.etcd().isPresent()
                ? new DockerHost(TopologySpec.ETCD, names.container(TopologySpec.ETCD), this) : null;
        this.segmentHelper = new DockerHost("segment helper", names.segmentHelper(), this);
        this.segments = SegmentNetworks.plan(spec, names);
        this.shutdownHook = new Thread(this::closeQuietly, "docker-topology-cleanup-" + prefix);
    }

    /** Creates the work directory and arms the shutdown hook; nothing in Docker yet. */
    static DockerTopology open(String prefix, TopologySpec spec, DockerSettings settings, DockerConnection connection,
            String image) {
        DockerTopology topology = new DockerTopology(prefix, spec, settings, connection, image);
        Runtime.getRuntime().addShutdownHook(topology.shutdownHook);
        try {
            topology.prepareWorkDir();
        } catch (RuntimeException e) {
            topology.closeAfterFailure(e);
            throw e;
        }
        return topology;
    }

    private void prepareWorkDir() {
        if (!settings.keepWorkDir()) {
            cleanup.push("delete work directory " + workDir, () -> Directories.deleteRecursively(workDir));
        }
        try {
            Files.createDirectories(workDir.resolve("logs"));
            Files.createDirectories(workDir.resolve("captures"));
            for (String host : hostDirectories()) {
                Files.createDirectories(workDir.resolve(host));
            }
        } catch (IOException e) {
            throw new TopologyException("cannot create work directory " + workDir + ": " + e, e);
        }
    }

    /** Nodes and routers get workDir/NAME, bind-mounted at the same path into their container. */
    List<String> hostDirectories() {
        List<String> hosts = new ArrayList<>(nodes.keySet());
        hosts.addAll(routers.keySet());
        return hosts;
    }

    // ---- used by the assembler, the pod attacher, hosts and processes ----

    DockerNames names() {
        return names;
    }

    DockerSettings settings() {
        return settings;
    }

    DockerClient client() {
        return connection.client();
    }

    DockerExec exec() {
        return exec;
    }

    Owner owner() {
        return owner;
    }

    String image() {
        return image;
    }

    Map<String, String> runLabels() {
        return Labels.of(names.prefix(), owner, "run", workDir.toString());
    }

    Map<String, DockerNode> nodeMap() {
        return nodes;
    }

    Map<String, DockerRouter> routerMap() {
        return routers;
    }

    Optional<DockerHost> etcdHost() {
        return Optional.ofNullable(etcdHost);
    }

    DockerHost segmentHelper() {
        return segmentHelper;
    }

    List<SegmentNetworks.Segment> segments() {
        return segments;
    }

    void setEtcd(EtcdMember member) {
        this.etcd = member;
    }

    void pushUndo(String description, CleanupStack.Undo undo) {
        cleanup.push(description, undo);
    }

    synchronized Optional<PodBridge> podBridge(String node) {
        return Optional.ofNullable(podBridges.get(node));
    }

    synchronized void registerPodBridge(String node, PodBridge bridge) {
        podBridges.put(node, bridge);
    }

    synchronized void registerPod(DockerPod pod) {
        pods.put(pod.name(), pod);
    }

    ManagedProcess startProcess(DockerHost host, String name, List<String> argv, Map<String, String> env) {
        checkOpen();
        Path log = uniqueFile(workDir.resolve("logs"), host.name() + "-" + safe(name), ".log");
        DockerProcess process = DockerProcess.start(exec, host, name, argv, env, log);
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
        DockerNode node = nodes.get(CapturePoint.hostOf(name));
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
        DockerPod pod = pods.get(CapturePoint.hostOf(name));
        if (pod == null) {
            throw new TopologyException("no container '" + name + "'; containers are " + pods.keySet()
                    + " (add one with addContainer)");
        }
        return pod;
    }

    @Override
    public synchronized List<Container> containers() {
        return List.copyOf(pods.values());
    }

    @Override
    public Router router(String name) {
        DockerRouter router = routers.get(CapturePoint.hostOf(name));
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
                        + ", containers " + pods.keySet()));
    }

    synchronized Optional<DockerHost> findHost(String name) {
        if (nodes.containsKey(name)) {
            return Optional.of(nodes.get(name));
        }
        if (routers.containsKey(name)) {
            return Optional.of(routers.get(name));
        }
        if (pods.containsKey(name)) {
            return Optional.of(pods.get(name));
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

    /** A host's interface is captured in its container; a segment on its bridge, from the segment helper. */
    @Override
    public Capture capture(String point, String filter) {
        checkOpen();
        CapturePoint where = CapturePoint.parse(point);
        DockerHost host;
        String iface;
        Optional<DockerHost> found = findHost(where.host());
        Optional<SegmentNetworks.Segment> segment = segments.stream()
                .filter(s -> s.spec().name().equals(where.host())).findFirst();
        if (found.isPresent()) {
            host = found.get();
            iface = where.iface().orElse("eth0");
        } else if (segment.isPresent()) {
            host = segmentHelper;
            iface = where.iface().orElse(segment.get().bridge());
        } else {
            throw new TopologyException("capture point '" + point + "' names no host or segment; hosts are "
                    + nodes.keySet() + " " + routers.keySet() + " " + pods.keySet() + ", segments " + spec.segments().stream()
                            .map(TopologySpec.SegmentSpec::name).toList());
        }
        String label = safe(where.host() + "-" + iface);
        Path pcap = uniqueFile(workDir.resolve("captures"), label, ".pcap");
        Path log = uniqueFile(workDir.resolve("logs"), "tcpdump-" + label, ".log");
        DockerCapture capture = DockerCapture.start(exec, host, where.host() + ":" + iface, iface, filter, pcap, log);
        cleanup.push("stop " + capture, capture::stop);
        return capture;
    }

    @Override
    public Container addContainer(String name, String node, Path subnetEnvFile) {
        return addContainer(name, node, subnetEnvFile, null);
    }

    @Override
    public Container addContainer(String name, String node, Path subnetEnvFile, String address) {
        checkOpen();
        DockerNode target = (DockerNode) node(node);
        return new PodAttacher(this).attach(name, target, PodAttacher.readSubnetEnv(target, subnetEnvFile), address);
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
        List<String> failures = cleanup.unwind();
        LOG.debug("run {} destroyed in {} ms", names.prefix(), (System.nanoTime() - started) / 1_000_000);
        if (!failures.isEmpty()) {
            throw new TopologyException("cleanup of run " + names.prefix() + " was incomplete:\n  - "
                    + String.join("\n  - ", failures) + "\nWhat is left carries the label " + Labels.RUN + "="
                    + names.prefix() + ": the next create() after this JVM exits sweeps it, or run java "
                    + DockerSweeper.class.getName());
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
        return "docker topology " + names.prefix() + " " + spec;
    }
}
