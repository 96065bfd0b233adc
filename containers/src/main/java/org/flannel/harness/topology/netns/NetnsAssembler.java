package org.flannel.harness.topology.netns;

import static org.flannel.harness.topology.support.HostCommands.NO_IPV6;
import static org.flannel.harness.topology.support.HostCommands.txChecksumOffloadOff;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.flannel.harness.topology.EtcdctlClient;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.TopologySpec;
import org.flannel.harness.topology.TopologySpec.EtcdSpec;
import org.flannel.harness.topology.TopologySpec.InterfaceSpec;
import org.flannel.harness.topology.TopologySpec.NodeSpec;
import org.flannel.harness.topology.TopologySpec.RouterSpec;
import org.flannel.harness.topology.TopologySpec.SegmentSpec;
import org.flannel.harness.topology.support.Background;
import org.flannel.harness.topology.support.EtcdLauncher;
import org.flannel.harness.topology.support.ManagedEtcd;
import org.flannel.harness.topology.support.TopologyNode;
import org.flannel.harness.topology.support.TopologyRouter;

/**
 * Makes a spec real, in three rounds with everything inside a round in parallel:
 * namespaces (one `ip -batch`), then segments (bridge plus one veth per attached host, the host
 * end created directly in the host's namespace), then hosts (addresses, routes, sysctls) and etcd.
 * Nothing is ever created in the root namespace.
 */
final class NetnsAssembler {
    /** One host interface on a segment: the veth whose peer sits in the segment's namespace. */
    private record Attachment(String hostNamespace, String iface, String address, int prefixLength) {}

    private final NetnsTopology topology;
    private final NetnsNames names;
    private final TopologySpec spec;

    NetnsAssembler(NetnsTopology topology) {
        this.topology = topology;
        this.names = topology.names();
        this.spec = topology.spec();
    }

    void assemble() {
        topology.createNamespaces(allNamespaces());
        List<CompletableFuture<?>> segments = new ArrayList<>();
        for (SegmentSpec segment : spec.segments()) {
            segments.add(Background.run(() -> wireSegment(segment)));
        }
        Background.joinAll(segments);
        List<CompletableFuture<?>> hosts = new ArrayList<>();
        for (TopologyNode<NetnsHost> node : topology.topologyNodes()) {
            hosts.add(Background.run(() -> configureNode(node.host(), node.spec())));
        }
        for (TopologyRouter<NetnsHost> router : topology.topologyRouters()) {
            hosts.add(Background.run(() -> configureRouter(router.host(), router.spec())));
        }
        topology.etcdHost()
                .ifPresent(host -> hosts.add(
                        Background.run(() -> startEtcd(host, spec.etcd().get()))));
        Background.joinAll(hosts);
    }

    private List<String> allNamespaces() {
        List<String> namespaces = new ArrayList<>();
        spec.segments().forEach(segment -> namespaces.add(names.segmentNamespace(segment.name())));
        topology.topologyNodes().forEach(node -> namespaces.add(node.host().namespace()));
        topology.topologyRouters()
                .forEach(router -> namespaces.add(router.host().namespace()));
        topology.etcdHost().ifPresent(host -> namespaces.add(host.namespace()));
        return namespaces;
    }

    private List<Attachment> attachmentsOf(SegmentSpec segment) {
        List<Attachment> attachments = new ArrayList<>();
        int prefixLength = segment.subnet().prefixLength();
        for (NodeSpec node : spec.nodes()) {
            for (InterfaceSpec iface : node.interfaces()) {
                if (iface.segment().equals(segment.name())) {
                    attachments.add(new Attachment(
                            names.hostNamespace(node.name()), iface.name(), iface.address(), prefixLength));
                }
            }
        }
        for (RouterSpec router : spec.routers()) {
            for (InterfaceSpec iface : router.interfaces()) {
                if (iface.segment().equals(segment.name())) {
                    attachments.add(new Attachment(
                            names.hostNamespace(router.name()), iface.name(), iface.address(), prefixLength));
                }
            }
        }
        spec.etcd()
                .filter(etcd -> etcd.segment().equals(segment.name()))
                .ifPresent(etcd ->
                        attachments.add(new Attachment(names.etcdNamespace(), "eth0", etcd.address(), prefixLength)));
        return attachments;
    }

    /** A segment is a bridge in a namespace of its own, one port per attached host interface. */
    private void wireSegment(SegmentSpec segment) {
        String namespace = names.segmentNamespace(segment.name());
        NetnsHost segmentHost = new NetnsHost("segment " + segment.name(), namespace, topology);
        segmentHost.shell("disabling IPv6", NO_IPV6);
        String bridge = names.segmentBridge();
        IpBatch batch = new IpBatch(namespace, "wiring segment " + segment.name())
                .add("link set lo up")
                .add("link add " + bridge + " type bridge")
                .add("link set " + bridge + " up");
        StringBuilder offload = new StringBuilder("true");
        int port = 0;
        for (Attachment attachment : attachmentsOf(segment)) {
            String portName = names.segmentPort(port++);
            batch.add("link add " + portName + " type veth peer name " + attachment.iface() + " netns "
                            + attachment.hostNamespace())
                    .add("link set " + portName + " master " + bridge + " up");
            offload.append(" && ").append(txChecksumOffloadOff(portName));
        }
        batch.run(topology.runner());
        segmentHost.shell("turning off TX checksum offload", offload.toString());
    }

    private void configureNode(NetnsHost node, NodeSpec nodeSpec) {
        List<InterfaceSpec> ifaces = nodeSpec.interfaces();
        IpBatch batch = configureInterfaces(node, "node", ifaces);
        // A default route on eth0 lets flanneld pick its interface the usual way when --iface is absent:
        // on-link when the node has no gateway, via the gateway (a router on eth0's segment) when it has.
        batch.add(spec.gateway(node.name())
                .map(gateway -> "route add default via " + gateway)
                .orElse("route add default dev " + ifaces.get(0).name()));
        batch.run(topology.runner());
    }

    /** A router is a namespace with forwarding on and an address on each of its segments; no default route unless given one. */
    private void configureRouter(NetnsHost router, RouterSpec routerSpec) {
        IpBatch batch = configureInterfaces(router, "router", routerSpec.interfaces());
        spec.gateway(router.name()).ifPresent(gateway -> batch.add("route add default via " + gateway));
        batch.run(topology.runner());
    }

    /** Sets sysctls (no IPv6, forwarding on) and offloads now; returns a batch that addresses and raises the interfaces. */
    private IpBatch configureInterfaces(NetnsHost host, String kind, List<InterfaceSpec> ifaces) {
        StringBuilder script = new StringBuilder(NO_IPV6 + " net.ipv4.ip_forward=1");
        IpBatch batch = new IpBatch(host.namespace(), "configuring " + kind + " " + host.name()).add("link set lo up");
        for (InterfaceSpec iface : ifaces) {
            int prefixLength =
                    spec.segment(iface.segment()).orElseThrow().subnet().prefixLength();
            script.append(" && ").append(txChecksumOffloadOff(iface.name()));
            batch.add("addr add " + iface.address() + "/" + prefixLength + " dev " + iface.name())
                    .add("link set " + iface.name() + " up");
        }
        host.shell("setting sysctls and offloads", script.toString());
        return batch;
    }

    private void startEtcd(NetnsHost host, EtcdSpec etcd) {
        int prefixLength = spec.segment(etcd.segment()).orElseThrow().subnet().prefixLength();
        host.shell("setting sysctls and offloads", NO_IPV6 + " && " + txChecksumOffloadOff("eth0"));
        IpBatch batch = new IpBatch(host.namespace(), "configuring etcd's namespace")
                .add("link set lo up")
                .add("addr add " + etcd.address() + "/" + prefixLength + " dev eth0")
                .add("link set eth0 up");
        // Via a router, etcd answers nodes on other segments too.
        spec.gateway(TopologySpec.ETCD).ifPresent(gateway -> batch.add("route add default via " + gateway));
        batch.run(topology.runner());
        Supplier<ManagedProcess> launcher = () -> EtcdLauncher.start(
                host,
                names.prefix() + "-etcd",
                etcd.address(),
                topology.workDir().resolve("etcd").toString());
        ManagedProcess process = launcher.get();
        EtcdctlClient client = new EtcdctlClient(host, "http://" + etcd.address() + ":2379");
        EtcdLauncher.awaitReady(process, client);
        topology.setEtcd(new ManagedEtcd(client, launcher, process));
    }
}
