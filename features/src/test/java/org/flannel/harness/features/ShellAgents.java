package org.flannel.harness.features;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.Node;
import org.flannel.harness.topology.Topology;

/**
 * The shell flanneld on a topology's nodes, started with the flags every implementation gets (CONFORMANCE.md),
 * and the nodes put back as they were (no agent, device, lease or subnet file) between checks.
 */
final class ShellAgents {
    static final String PREFIX = "/coreos.com/network";
    static final String VXLAN_CONFIG =
            "{\"Network\":\"10.1.0.0/16\",\"SubnetMin\":\"10.1.15.0\",\"SubnetMax\":\"10.1.16.0\","
                    + "\"Backend\":{\"Type\":\"vxlan\"}}";
    private static final Pattern SUBNET = Pattern.compile("(?m)^FLANNEL_SUBNET=(\\d+\\.\\d+\\.\\d+)\\.1/24$");

    private final Topology topology;
    private final Path executable;
    private final List<ManagedProcess> started = new ArrayList<>();

    ShellAgents(Topology topology, Path executable) {
        this.topology = topology;
        this.executable = executable;
    }

    ManagedProcess start(Node node) {
        ManagedProcess agent = node.start(
                "flanneld",
                List.of(
                        executable.toString(),
                        "--etcd-endpoints=" + topology.etcd().endpoint(),
                        "--etcd-prefix=" + PREFIX,
                        "--iface=eth0",
                        "--public-ip=" + node.address(),
                        "--subnet-file=" + subnetFile(node),
                        "-v=1"));
        started.add(agent);
        return agent;
    }

    ManagedProcess startReady(Node node) {
        ManagedProcess agent = start(node);
        await().atMost(Duration.ofSeconds(20)).until(() -> !agent.isAlive() || subnet(node) != null);
        if (subnet(node) == null) {
            throw new AssertionError(node.name() + "'s agent exited before it was ready:\n" + agent.logs());
        }
        return agent;
    }

    Path subnetFile(Node node) {
        return topology.workDir().resolve("shell-flanneld").resolve(node.name()).resolve("subnet.env");
    }

    /** The network address of the node's subnet from its subnet file ("10.1.15.0"), or null before it is written. */
    String subnet(Node node) {
        try {
            Matcher matcher = SUBNET.matcher(Files.readString(subnetFile(node)));
            return matcher.find() ? matcher.group(1) + ".0" : null;
        } catch (IOException e) {
            return null;
        }
    }

    static String leaseKey(String subnet) {
        return PREFIX + "/subnets/" + subnet + "-24";
    }

    /** Stops every agent started, removes flannel.1, the leases and the subnet files: the next check starts afresh. */
    void reset() {
        started.forEach(agent -> agent.stop(Duration.ofSeconds(5)));
        started.clear();
        topology.etcd().deletePrefix(PREFIX + "/subnets/");
        for (Node node : topology.nodes()) {
            node.exec("ip", "link", "delete", "flannel.1");
            try {
                Files.deleteIfExists(subnetFile(node));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
