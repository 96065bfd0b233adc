package org.flannel.reference.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.Node;
import org.flannel.harness.topology.Topology;

/** Starts the reference flanneld on topology nodes as a user would, and reads what it left behind. */
final class Agents {
    static final String PREFIX = "/coreos.com/network";
    static final Duration READY_LIMIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Topology topology;

    Agents(Topology topology) {
        this.topology = topology;
    }

    static String launcher() {
        String path = System.getProperty("flanneld.launcher");
        if (path == null || !Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException("flanneld.launcher (" + path + ") is not an executable: run `mvn verify`, "
                    + "which packages reference-impl/target/flanneld before the integration tests");
        }
        return path;
    }

    Path subnetFile(Node node) {
        return topology.workDir().resolve(node.name()).resolve("subnet.env");
    }

    /** flanneld with the flags the harness gives every implementation, plus {@code extra}. */
    ManagedProcess start(Node node, String... extra) {
        List<String> argv = new ArrayList<>(List.of(
                launcher(),
                "--etcd-endpoints=" + topology.etcd().endpoint(),
                "--etcd-prefix=" + PREFIX,
                "--iface=eth0",
                "--public-ip=" + node.address(),
                "--subnet-file=" + subnetFile(node)));
        argv.addAll(List.of(extra));
        return node.start("flanneld", argv);
    }

    /** Waits for the subnet file, flanneld's readiness signal; fails with the agent's log if it died. */
    void awaitReady(Node node, ManagedProcess agent) {
        await().atMost(READY_LIMIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!agent.isAlive()) {
                throw new AssertionError(
                        node.name() + "'s flanneld exited before writing its subnet file:\n" + agent.logs());
            }
            return Files.exists(subnetFile(node));
        });
    }

    String subnetFileText(Node node) {
        try {
            return Files.readString(subnetFile(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** FLANNEL_SUBNET's network, e.g. "10.1.15.0/24" for FLANNEL_SUBNET=10.1.15.1/24. */
    String subnetOf(Node node) {
        String line = subnetFileText(node)
                .lines()
                .filter(l -> l.startsWith("FLANNEL_SUBNET="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no FLANNEL_SUBNET in " + subnetFile(node)));
        String cidr = line.substring("FLANNEL_SUBNET=".length());
        String[] parts = cidr.split("/");
        String[] octets = parts[0].split("\\.");
        return octets[0] + "." + octets[1] + "." + octets[2] + ".0/" + parts[1];
    }

    static String leaseKey(String subnet) {
        return PREFIX + "/subnets/" + subnet.replace('/', '-');
    }

    static JsonNode ipJson(Node node, String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "-json"));
        argv.addAll(List.of(args));
        return json(node.exec(argv).orThrow().stdout());
    }

    static JsonNode bridgeJson(Node node, String... args) {
        List<String> argv = new ArrayList<>(List.of("bridge", "-json"));
        argv.addAll(List.of(args));
        return json(node.exec(argv).orThrow().stdout());
    }

    static JsonNode json(String text) {
        try {
            return text.isBlank() ? JSON.createArrayNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
