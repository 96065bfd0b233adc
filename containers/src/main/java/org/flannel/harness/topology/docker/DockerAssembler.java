package org.flannel.harness.topology.docker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.flannel.harness.topology.EtcdctlClient;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.TopologySpec;
import org.flannel.harness.topology.TopologySpec.EtcdSpec;
import org.flannel.harness.topology.TopologySpec.InterfaceSpec;
import org.flannel.harness.topology.docker.ContainerFactory.Attachment;
import org.flannel.harness.topology.docker.ContainerFactory.HostContainer;
import org.flannel.harness.topology.docker.HostSetup.WithoutGateway;
import org.flannel.harness.topology.support.Background;
import org.flannel.harness.topology.support.EtcdLauncher;
import org.flannel.harness.topology.support.ManagedEtcd;
import org.flannel.harness.topology.support.TopologyNode;
import org.flannel.harness.topology.support.TopologyRouter;

/**
 * Makes a spec real in Docker, in two rounds with everything inside a round in parallel: the
 * segment helper and one network per segment (then the rules that let bridged traffic through), then
 * every host: container created, attached, started, configured; etcd started in its own. Each thing's
 * removal is pushed as soon as it exists.
 */
final class DockerAssembler {
    private static final String ETCD_DATA_DIR = "/var/lib/flannel-conformance-etcd";

    private final DockerTopology topology;
    private final TopologySpec spec;
    private final ContainerFactory factory;
    private final Map<String, SegmentNetworks.Segment> segments;
    private final HostContainers containers;

    DockerAssembler(DockerTopology topology, boolean unconfinedAppArmor) {
        this.topology = topology;
        this.spec = topology.spec();
        this.factory = new ContainerFactory(
                topology.client(), topology.image(), topology.settings(), unconfinedAppArmor, topology.runLabels());
        this.segments = topology.segments().stream()
                .collect(Collectors.toMap(s -> s.spec().name(), Function.identity()));
        this.containers = new HostContainers(topology.client());
    }

    void assemble() {
        List<CompletableFuture<?>> first = new ArrayList<>();
        first.add(Background.run(this::startSegmentHelper));
        for (SegmentNetworks.Segment segment : topology.segments()) {
            first.add(Background.run(() -> createNetwork(segment)));
        }
        Background.joinAll(first);
        letBridgedTrafficThrough();
        topology.pushUndo("remove the host containers", containers::removeAll);
        List<CompletableFuture<?>> hosts = new ArrayList<>();
        for (TopologyNode<DockerHost> node : topology.topologyNodes()) {
            hosts.add(Background.run(
                    () -> startHost(node.host(), node.spec().interfaces(), true, WithoutGateway.ON_LINK_ETH0, "node")));
        }
        for (TopologyRouter<DockerHost> router : topology.topologyRouters()) {
            hosts.add(Background.run(
                    () -> startHost(router.host(), router.spec().interfaces(), true, WithoutGateway.NONE, "router")));
        }
        topology.etcdHost()
                .ifPresent(host -> hosts.add(
                        Background.run(() -> startEtcd(host, spec.etcd().get()))));
        Background.joinAll(hosts);
    }

    private void startSegmentHelper() {
        DockerHost helper = topology.segmentHelper();
        String id = factory.createHostNetworkHelper(helper.containerName());
        topology.pushUndo(
                "remove container " + helper.containerName(), () -> ContainerFactory.remove(topology.client(), id));
        factory.start(id, helper.containerName());
        helper.attach(id);
        new BridgeFilter(helper).sweepStale(topology.owner());
    }

    private void createNetwork(SegmentNetworks.Segment segment) {
        Map<String, String> labels = Labels.of(
                topology.runId(),
                topology.owner(),
                "segment",
                topology.workDir().toString());
        String id = SegmentNetworks.create(topology.client(), segment, labels);
        topology.pushUndo("remove network " + segment.network(), () -> SegmentNetworks.remove(topology.client(), id));
    }

    private void letBridgedTrafficThrough() {
        BridgeFilter filter = new BridgeFilter(topology.segmentHelper());
        List<String> bridges = topology.segments().stream()
                .map(SegmentNetworks.Segment::bridge)
                .toList();
        List<BridgeFilter.Rule> rules = filter.allow(bridges, topology.runId(), topology.owner());
        if (!rules.isEmpty()) {
            topology.pushUndo("remove DOCKER-USER rules of " + bridges, () -> filter.remove(rules));
        }
    }

    private void startHost(
            DockerHost host,
            List<InterfaceSpec> interfaces,
            boolean forwarding,
            WithoutGateway withoutGateway,
            String role) {
        List<Attachment> networks = interfaces.stream()
                .map(i -> new Attachment(segments.get(i.segment()).network(), i.address()))
                .toList();
        List<Path> writable = List.of(topology.workDir().resolve(host.name()));
        String id = factory.create(
                new HostContainer(host.containerName(), host.name(), role, networks, forwarding, writable));
        containers.add(id);
        factory.start(id, host.containerName());
        host.attach(id);
        HostSetup.configure(host, interfaces, spec.gateway(host.name()), withoutGateway);
    }

    private void startEtcd(DockerHost host, EtcdSpec etcd) {
        List<InterfaceSpec> interfaces = List.of(new InterfaceSpec("eth0", etcd.segment(), etcd.address()));
        Attachment network = new Attachment(segments.get(etcd.segment()).network(), etcd.address());
        String id = factory.create(
                new HostContainer(host.containerName(), "etcd", "etcd", List.of(network), false, List.of()));
        containers.add(id);
        factory.start(id, host.containerName());
        host.attach(id);
        // Via a router, etcd answers nodes on other segments too.
        HostSetup.configure(host, interfaces, spec.gateway(TopologySpec.ETCD), WithoutGateway.NONE);
        Supplier<ManagedProcess> launcher =
                () -> EtcdLauncher.start(host, topology.runId() + "-etcd", etcd.address(), ETCD_DATA_DIR);
        ManagedProcess process = launcher.get();
        EtcdctlClient client = new EtcdctlClient(host, "http://" + etcd.address() + ":2379");
        EtcdLauncher.awaitReady(process, client);
        topology.setEtcd(new ManagedEtcd(client, launcher, process));
    }
}
