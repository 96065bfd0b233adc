package org.flannel.harness.topology.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flannel.harness.topology.ExecResult;
import org.flannel.harness.topology.SubnetEnv;
import org.flannel.harness.topology.TopologyException;
import org.flannel.harness.topology.support.BridgedContainer;
import org.flannel.harness.topology.support.HostCommands;
import org.flannel.harness.topology.support.PodAttacher;
import org.flannel.harness.topology.support.PodBridge;

/** Attaches pods inside the node's container: one sh script per step, each an exec. */
final class DockerPodAttacher extends PodAttacher<DockerHost> {
    private static final AtomicInteger VETH_COUNTER = new AtomicInteger();

    private final DockerTopology topology;

    DockerPodAttacher(DockerTopology topology) {
        super(topology);
        this.topology = topology;
    }

    /**
     * The subnet file as the implementation wrote it inside the node (the same path on this machine
     * when the node's work directory is bind-mounted), else the file on this machine.
     */
    static SubnetEnv readSubnetEnv(DockerHost node, Path file) {
        ExecResult cat = node.exec("cat", file.toString());
        if (cat.succeeded()) {
            return SubnetEnv.parse(cat.stdout(), node.name() + ":" + file);
        }
        if (Files.exists(file)) {
            return SubnetEnv.read(file);
        }
        throw new TopologyException("cannot read subnet file " + file + " on " + node.name() + " ("
                + cat.stderr().strip() + "); has flanneld written it yet?");
    }

    @Override
    protected void createBridge(DockerHost node, PodBridge bridge) {
        List<String> script = new ArrayList<>(List.of("set -e"));
        bridgeCommands(bridge).forEach(command -> script.add("ip " + command));
        node.shell("creating docker0", String.join("\n", script));
    }

    @Override
    protected DockerHost connect(String name, DockerHost node, BridgedContainer.Placement placement) {
        String veth = topology.names().podVeth(VETH_COUNTER.incrementAndGet());
        // No undo of its own: the namespace and the veth die with the node's container.
        List<String> script = new ArrayList<>(
                List.of("set -e", "ip netns add " + name, "ip netns exec " + name + " " + HostCommands.NO_IPV6));
        vethCommands(veth, placement.bridge().mtu(), name).forEach(command -> script.add("ip " + command));
        script.add(HostCommands.txChecksumOffloadOff(veth));
        script.add("ip netns exec " + name + " " + HostCommands.txChecksumOffloadOff("eth0"));
        podCommands(placement).forEach(command -> script.add("ip -n " + name + " " + command));
        node.shell("attaching pod " + name + " to docker0", String.join("\n", script));
        return new DockerPod(name, node, placement);
    }
}
