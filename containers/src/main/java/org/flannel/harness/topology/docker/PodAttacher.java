package org.flannel.harness.topology.docker;

import org.flannel.harness.topology.support.PodBridge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.flannel.harness.topology.Container;
import org.flannel.harness.topology.ExecResult;
import org.flannel.harness.topology.Ipv4Cidr;
import org.flannel.harness.topology.SubnetEnv;
import org.flannel.harness.topology.TopologyException;
import org.flannel.harness.topology.TopologySpec;

/**
 * Attaches a pod exactly as the netns driver does, inside the node's container: docker0 with
 * FLANNEL_SUBNET and FLANNEL_MTU, a network namespace for the pod, a veth whose node end is a docker0
 * port and whose other end is the pod's eth0, the next free address and a default route via docker0.
 */
final class PodAttacher {
    private static final AtomicInteger VETH_COUNTER = new AtomicInteger();
    static final String NO_IPV6 = "sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1";

    private final DockerTopology topology;

    PodAttacher(DockerTopology topology) {
        this.topology = topology;
    }

    /**
     * The subnet file as the implementation wrote it inside the node (the same path on this machine
     * when the node's work directory is bind-mounted), else the file on this machine.
     */
    static SubnetEnv readSubnetEnv(DockerNode node, Path file) {
        ExecResult cat = node.exec("cat", file.toString());
        if (cat.succeeded()) {
            return SubnetEnv.parse(cat.stdout(), node.name() + ":" + file);
        }
        if (Files.exists(file)) {
            return SubnetEnv.read(file);
        }
        throw new TopologyException("cannot read subnet file " + file + " on " + node.name() + " (" + cat.stderr().strip()
                + "); has flanneld written it yet?");
    }

    /** {@code wantedAddress} null: the next free one. */
    Container attach(String name, DockerNode node, SubnetEnv subnetEnv, String wantedAddress) {
        synchronized (topology) {
            checkName(name);
            PodBridge bridge = bridgeFor(node, subnetEnv);
            String address = wantedAddress == null ? bridge.allocate() : bridge.claim(wantedAddress);
            String veth = topology.names().podVeth(VETH_COUNTER.incrementAndGet());
            int mtu = bridge.mtu();
            // No undo of its own: the namespace and the veth die with the node's container.
            node.shell("attaching pod " + name + " to docker0", String.join("\n",
                    "set -e",
                    "ip netns add " + name,
                    "ip netns exec " + name + " " + NO_IPV6,
                    "ip link add " + veth + " mtu " + mtu + " type veth peer name eth0 mtu " + mtu + " netns " + name,
                    "ip link set " + veth + " master docker0 up",
                    "ethtool -K " + veth + " tx off >/dev/null",
                    "ip netns exec " + name + " ethtool -K eth0 tx off >/dev/null",
                    "ip -n " + name + " link set lo up",
                    "ip -n " + name + " addr add " + address + "/" + bridge.subnet().prefixLength() + " dev eth0",
                    "ip -n " + name + " link set eth0 up",
                    "ip -n " + name + " route add default via " + bridge.subnet().addressText()));
            DockerPod pod = new DockerPod(name, node, address, bridge);
            topology.registerPod(pod);
            return pod;
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

    /** docker0 is created on first use; later pods must come from the same subnet file. */
    private PodBridge bridgeFor(DockerNode node, SubnetEnv env) {
        Ipv4Cidr subnet = env.subnet();
        PodBridge existing = topology.podBridge(node.name()).orElse(null);
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
        node.shell("creating docker0", String.join("\n",
                "set -e",
                "ip link add docker0 type bridge",
                "ip link set docker0 mtu " + env.mtu(),
                "ip addr add " + subnet + " dev docker0",
                "ip link set docker0 up"));
        topology.registerPodBridge(node.name(), bridge);
        return bridge;
    }
}
