package org.flannel.harness.topology.netns;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flannel.harness.topology.support.BridgedContainer;
import org.flannel.harness.topology.support.HostCommands;
import org.flannel.harness.topology.support.PodAttacher;
import org.flannel.harness.topology.support.PodBridge;

/** Attaches containers from this machine: each is a namespace of its own, set up with `ip -n NS -batch`. */
final class ContainerAttacher extends PodAttacher<NetnsHost> {
    private static final AtomicInteger VETH_COUNTER = new AtomicInteger();

    private final NetnsTopology topology;

    ContainerAttacher(NetnsTopology topology) {
        super(topology);
        this.topology = topology;
    }

    @Override
    protected void createBridge(NetnsHost node, PodBridge bridge) {
        // No undo of its own: docker0 lives and dies with the node's namespace.
        new IpBatch(node.namespace(), "creating docker0 on " + node.name())
                .addAll(bridgeCommands(bridge))
                .run(topology.runner());
    }

    @Override
    protected NetnsHost connect(String name, NetnsHost node, BridgedContainer.Placement placement) {
        NetnsNames names = topology.names();
        String namespace = names.hostNamespace(name);
        topology.createNamespaces(List.of(namespace));
        NetnsContainer container = new NetnsContainer(name, namespace, topology, placement);
        container.shell("disabling IPv6", HostCommands.NO_IPV6);
        String veth = names.containerVeth(VETH_COUNTER.incrementAndGet());
        // No undo of its own: a veth dies with the container's namespace, whose deletion is pushed.
        new IpBatch(node.namespace(), "attaching container " + name + " to docker0 on " + node.name())
                .addAll(vethCommands(veth, placement.bridge().mtu(), namespace))
                .run(topology.runner());
        node.shell("turning off TX checksum offload", HostCommands.txChecksumOffloadOff(veth));
        container.shell("turning off TX checksum offload", HostCommands.txChecksumOffloadOff("eth0"));
        new IpBatch(namespace, "configuring container " + name)
                .addAll(podCommands(placement))
                .run(topology.runner());
        return container;
    }
}
