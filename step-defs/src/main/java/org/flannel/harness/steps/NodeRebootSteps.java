package org.flannel.harness.steps;

import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;
import org.flannel.harness.impl.Agent;
import org.flannel.harness.topology.Ipv4Cidr;
import org.flannel.harness.topology.Node;

/**
 * A node reboots: its agent dies without a word, what the kernel held for flannel is gone (its devices, the routes
 * into the flannel network but the pods' own, the subnet file under /run), and its agent starts again on a node
 * that remembers nothing. The pods' bridge and its pods stay, as the scenario's own fixtures.
 */
public final class NodeRebootSteps {
    private final ScenarioWorld world;
    private final FlanneldSteps flanneld;

    public NodeRebootSteps(ScenarioWorld world, FlanneldSteps flanneld) {
        this.world = world;
        this.flanneld = flanneld;
    }

    @When("{word} reboots")
    public void reboots(String nodeName) {
        Agent agent = world.agent(nodeName);
        Node node = world.node(nodeName);
        String network = SubnetFileText.network(agent.subnetFile())
                .orElseThrow(() -> new AssertionError(nodeName + "'s subnet file names no FLANNEL_NETWORK"));
        agent.process().signal("KILL");
        agent.process().waitFor(Duration.ofSeconds(5));
        world.stopped(nodeName);
        // A device its owner's last process is still taking down may be gone before its turn: only one that
        // stays is an error.
        node.exec(
                        "sh",
                        "-c",
                        "for kind in vxlan tun; do for dev in $(ip -o link show type $kind"
                                + " | awk -F': ' '{print $2}' | cut -d@ -f1); do ip link del \"$dev\" 2>/dev/null || ! ip link show \"$dev\" >/dev/null 2>&1 || exit 1; done; done")
                .orThrow();
        for (String route : routesInto(node, Ipv4Cidr.parse(network))) {
            node.exec("sh", "-c", "ip route del " + route).orThrow();
        }
        world.deleteSubnetFile(nodeName);
        flanneld.startAgain(nodeName, agent);
    }

    /** Routes whose destination lies in the flannel network, but the pods' bridge's. */
    private static List<String> routesInto(Node node, Ipv4Cidr network) {
        return node.exec("ip", "-4", "-o", "route", "show")
                .orThrow()
                .stdout()
                .lines()
                .filter(line -> !line.contains(" dev docker0"))
                .map(line -> line.split(" ")[0])
                .filter(destination -> !destination.equals("default"))
                .filter(destination -> network.contains(destination.split("/")[0]))
                .toList();
    }
}
