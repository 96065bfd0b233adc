package org.flannel.harness.topology.netns;

import org.flannel.harness.topology.support.PodBridge;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flannel.harness.topology.Container;
import org.flannel.harness.topology.Ipv4Cidr;
import org.flannel.harness.topology.SubnetEnv;
import org.flannel.harness.topology.TopologyException;
import org.flannel.harness.topology.TopologySpec;

/**
 * Attaches a container the way Docker does from flannel's subnet file: docker0 on the node with
 * FLANNEL_SUBNET and FLANNEL_MTU, a veth whose node end is a docker0 port and whose other end is
 * the container's eth0, the next free address, and a default route via docker0.
 */
final class ContainerAttacher {
    private static final AtomicInteger VETH_COUNTER = new AtomicInteger();

    private final NetnsTopology topology;

    ContainerAttacher(NetnsTopology topology) {
        this.topology = topology;
    }

    /** {@code wantedAddress} null: the next free one. */
    Container attach(String name, NetnsNode node, SubnetEnv subnetEnv, String wantedAddress) {
        synchronized (topology) {
            checkName(name);
            PodBridge bridge = bridgeFor(node, subnetEnv);
            String address = wantedAddress == null ? bridge.allocate() : bridge.claim(wantedAddress);
            NetnsNames names = topology.names();
            String namespace = names.hostNamespace(name);
            topology.createNamespaces(List.of(namespace));
            NetnsContainer container = new NetnsContainer(name, namespace, topology, node.name(), address, bridge);
            container.shell("disabling IPv6", NetnsAssembler.NO_IPV6);
            String veth = names.containerVeth(VETH_COUNTER.incrementAndGet());
            // No undo of its own: a veth dies with the container's namespace, whose deletion is pushed.
            new IpBatch(node.namespace(), "attaching container " + name + " to docker0 on " + node.name())
                    .add("link add " + veth + " mtu " + bridge.mtu() + " type veth peer name eth0 mtu " + bridge.mtu()
                            + " netns " + namespace)
                    .add("link set " + veth + " master " + PodBridge.NAME + " up")
                    .run(topology.runner());
            node.shell("turning off TX checksum offload", "ethtool -K " + veth + " tx off >/dev/null");
            container.shell("turning off TX checksum offload", "ethtool -K eth0 tx off >/dev/null");
            new IpBatch(namespace, "configuring container " + name)
                    .add("link set lo up")
                    .add("addr add " + address + "/" + bridge.subnet().prefixLength() + " dev eth0")
                    .add("link set eth0 up")
                    .add("route add default via " + bridge.subnet().addressText())
                    .run(topology.runner());
            topology.registerContainer(container);
            return container;
        }
    }

    private void checkName(String name) {
        if (!TopologySpec.isValidName(name) || TopologySpec.isReservedName(name)) {
            throw new TopologyException("bad container name '" + name + "': use letters, digits, '.', '_', '-' "
                    + "(at most 32), not 'etcd' or 'seg-*'");
        }
        if (topology.findHost(name).isPresent() || topology.spec().segment(name).isPresent()) {
            throw new TopologyException("container name '" + name + "' is already used by a node, router, container or segment");
        }
    }

    /** docker0 is created on first use; later containers must come from the same subnet file. */
    private PodBridge bridgeFor(NetnsNode node, SubnetEnv env) {
        Ipv4Cidr subnet = env.subnet();
        PodBridge existing = topology.bridge(node.name()).orElse(null);
        if (existing != null) {
            if (!existing.subnet().equals(subnet) || existing.mtu() != env.mtu()) {
                throw new TopologyException("docker0 on " + node.name() + " was set up for " + existing.subnet() + " mtu "
                        + existing.mtu() + " but the subnet file now says " + subnet + " mtu " + env.mtu()
                        + "; Docker would need a restart: use a new topology");
            }
            return existing;
        }
        if (!subnet.isUsableHost(subnet.address())) {
            throw new TopologyException("FLANNEL_SUBNET " + subnet + " is not a usable bridge address on " + node.name());
        }
        PodBridge bridge = new PodBridge(node.name(), subnet, env.mtu());
        // No undo of its own: docker0 lives and dies with the node's namespace.
        new IpBatch(node.namespace(), "creating docker0 on " + node.name())
                .add("link add " + PodBridge.NAME + " type bridge")
                .add("link set " + PodBridge.NAME + " mtu " + env.mtu())
                .add("addr add " + subnet + " dev " + PodBridge.NAME)
                .add("link set " + PodBridge.NAME + " up")
                .run(topology.runner());
        topology.registerBridge(node.name(), bridge);
        return bridge;
    }
}
