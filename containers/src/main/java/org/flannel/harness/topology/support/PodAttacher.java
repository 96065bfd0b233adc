package org.flannel.harness.topology.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flannel.harness.topology.Container;
import org.flannel.harness.topology.Host;
import org.flannel.harness.topology.Ipv4Cidr;
import org.flannel.harness.topology.SubnetEnv;
import org.flannel.harness.topology.TopologyException;
import org.flannel.harness.topology.TopologySpec;

/**
 * Attaches a pod the way Docker does from flannel's subnet file, on every driver alike: docker0 on the
 * node with FLANNEL_SUBNET and FLANNEL_MTU, a network namespace for the pod, a veth whose node end is a
 * docker0 port and whose other end is the pod's eth0, the next free address and a default route via
 * docker0. This class holds the checks, docker0 per node, and the iproute2 commands; the driver runs
 * them (in namespaces from this machine, or inside the node's container).
 *
 * @param <H> the driver's host class
 */
public abstract class PodAttacher<H extends Host> {
    private final AbstractTopology<H> topology;
    /** docker0 by node name; guarded by the topology's lock, like its containers. */
    private final Map<String, PodBridge> bridges = new HashMap<>();

    protected PodAttacher(AbstractTopology<H> topology) {
        this.topology = topology;
    }

    /** {@code wantedAddress} null: the next free one. */
    public final Container attach(String name, H node, SubnetEnv subnetEnv, String wantedAddress) {
        synchronized (topology) {
            checkName(name);
            PodBridge bridge = bridgeFor(node, subnetEnv);
            String address = wantedAddress == null ? bridge.allocate() : bridge.claim(wantedAddress);
            H pod = connect(name, node, new BridgedContainer.Placement(node.name(), address, bridge));
            topology.registerContainer(pod);
            return (Container) pod;
        }
    }

    /** Runs {@link #bridgeCommands} on the node. */
    protected abstract void createBridge(H node, PodBridge bridge);

    /**
     * Creates the pod's namespace with IPv6 off, runs {@link #vethCommands} on the node, turns TX
     * checksum offload off on both veth ends, runs {@link #podCommands} in the pod; returns the pod,
     * a {@link BridgedContainer}.
     */
    protected abstract H connect(String name, H node, BridgedContainer.Placement placement);

    /** iproute2 commands without the leading "ip", run on the node: docker0 with the subnet file's address and MTU. */
    protected static List<String> bridgeCommands(PodBridge bridge) {
        return List.of(
                "link add " + PodBridge.NAME + " type bridge",
                "link set " + PodBridge.NAME + " mtu " + bridge.mtu(),
                "addr add " + bridge.subnet() + " dev " + PodBridge.NAME,
                "link set " + PodBridge.NAME + " up");
    }

    /** The same, on the node: the pod's veth, created with its eth0 end already in the pod's namespace. */
    protected static List<String> vethCommands(String veth, int mtu, String podNamespace) {
        return List.of(
                "link add " + veth + " mtu " + mtu + " type veth peer name eth0 mtu " + mtu + " netns " + podNamespace,
                "link set " + veth + " master " + PodBridge.NAME + " up");
    }

    /** The same, in the pod's namespace: its address and the default route via docker0. */
    protected static List<String> podCommands(BridgedContainer.Placement placement) {
        PodBridge bridge = placement.bridge();
        return List.of(
                "link set lo up",
                "addr add " + placement.address() + "/" + bridge.subnet().prefixLength() + " dev eth0",
                "link set eth0 up",
                "route add default via " + bridge.subnet().addressText());
    }

    private void checkName(String name) {
        if (!TopologySpec.isValidName(name) || TopologySpec.isReservedName(name)) {
            throw new TopologyException("bad container name '" + name + "': use letters, digits, '.', '_', '-' "
                    + "(at most 32), not 'etcd' or 'seg-*'");
        }
        if (topology.findHost(name).isPresent() || topology.spec().segment(name).isPresent()) {
            throw new TopologyException(
                    "container name '" + name + "' is already used by a node, router, container or segment");
        }
    }

    /** docker0 is created on first use; later pods must come from the same subnet file. */
    private PodBridge bridgeFor(H node, SubnetEnv env) {
        Ipv4Cidr subnet = env.subnet();
        PodBridge existing = bridges.get(node.name());
        if (existing != null) {
            if (!existing.subnet().equals(subnet) || existing.mtu() != env.mtu()) {
                throw new TopologyException(
                        "docker0 on " + node.name() + " was set up for " + existing.subnet() + " mtu "
                                + existing.mtu() + " but the subnet file now says " + subnet + " mtu " + env.mtu()
                                + "; Docker would need a restart: use a new topology");
            }
            return existing;
        }
        if (!subnet.isUsableHost(subnet.address())) {
            throw new TopologyException(
                    "FLANNEL_SUBNET " + subnet + " is not a usable bridge address on " + node.name());
        }
        PodBridge bridge = new PodBridge(node.name(), subnet, env.mtu());
        createBridge(node, bridge);
        bridges.put(node.name(), bridge);
        return bridge;
    }
}
