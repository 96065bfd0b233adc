package org.flannel.harness.topology.docker;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flannel.harness.topology.Capture;
import org.flannel.harness.topology.Container;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.TopologySpec;
import org.flannel.harness.topology.support.AbstractTopology;

/**
 * A topology made of containers on Docker networks. {@link DockerAssembler} wires it up,
 * {@link DockerPodAttacher} adds pods.
 */
final class DockerTopology extends AbstractTopology<DockerHost> {
    private final DockerNames names;
    private final DockerSettings settings;
    private final DockerConnection connection;
    private final DockerExec exec;
    private final Owner owner;
    private final String image;
    private final DockerHost etcdHost;
    private final DockerHost segmentHelper;
    private final List<SegmentNetworks.Segment> segments;
    private final DockerPodAttacher attacher;

    private DockerTopology(
            String prefix, TopologySpec spec, DockerSettings settings, DockerConnection connection, String image) {
        super("docker", prefix, spec, settings.workRoot());
        this.names = new DockerNames(prefix);
        this.settings = settings;
        this.connection = connection;
        this.exec = new DockerExec(connection.client());
        this.owner = Owner.current();
        this.image = image;
        for (TopologySpec.NodeSpec node : spec.nodes()) {
            addNode(node, new DockerHost(node.name(), names.container(node.name()), this));
        }
        for (TopologySpec.RouterSpec router : spec.routers()) {
            addRouter(router, new DockerHost(router.name(), names.container(router.name()), this));
        }
        this.etcdHost = spec.etcd().isPresent()
                ? new DockerHost(TopologySpec.ETCD, names.container(TopologySpec.ETCD), this)
                : null;
        this.segmentHelper = new DockerHost("segment helper", names.segmentHelper(), this);
        this.segments = SegmentNetworks.plan(spec, names);
        this.attacher = new DockerPodAttacher(this);
    }

    /**
     * Creates the work directory (its node and router directories are bind-mounted at the same path into
     * their containers) and arms the shutdown hook; nothing in Docker yet.
     */
    static DockerTopology open(
            String prefix, TopologySpec spec, DockerSettings settings, DockerConnection connection, String image) {
        DockerTopology topology = new DockerTopology(prefix, spec, settings, connection, image);
        topology.prepare(settings.keepWorkDir());
        return topology;
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
        return Labels.of(names.prefix(), owner, "run", workDir().toString());
    }

    @Override
    protected Optional<DockerHost> etcdHost() {
        return Optional.ofNullable(etcdHost);
    }

    DockerHost segmentHelper() {
        return segmentHelper;
    }

    List<SegmentNetworks.Segment> segments() {
        return segments;
    }

    // ---- how things run here ----

    @Override
    protected ManagedProcess launch(
            DockerHost host, String name, List<String> argv, Map<String, String> env, Path logFile) {
        return DockerProcess.start(exec, host, name, argv, env, logFile);
    }

    /** A segment's bridge is on the daemon's host: the helper in its network namespace sees it. */
    @Override
    protected DockerHost segmentCaptureHost(String segment) {
        return segmentHelper;
    }

    @Override
    protected String segmentBridge(String segment) {
        return segments.stream()
                .filter(s -> s.spec().name().equals(segment))
                .findFirst()
                .orElseThrow()
                .bridge();
    }

    @Override
    protected Capture startCapture(DockerHost host, String point, String iface, String filter, Path pcap, Path log) {
        return DockerCapture.start(exec, host, point, iface, filter, pcap, log);
    }

    @Override
    public Container addContainer(String name, String node, Path subnetEnvFile, String address) {
        checkOpen();
        DockerHost target = nodeHost(node);
        return attacher.attach(name, target, DockerPodAttacher.readSubnetEnv(target, subnetEnvFile), address);
    }

    // ---- closing ----

    @Override
    protected String leftoversAdvice() {
        return "What is left carries the label " + Labels.RUN + "=" + names.prefix() + ": the next create() after "
                + "this JVM exits sweeps it, or run java " + DockerSweeper.class.getName();
    }
}
