package org.flannel.harness.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flannel.harness.impl.Agent;
import org.flannel.harness.impl.Implementation;
import org.flannel.harness.kernel.KernelReader;
import org.flannel.harness.kernel.RouteRow;
import org.flannel.harness.topology.Command;
import org.flannel.harness.topology.Container;
import org.flannel.harness.topology.Node;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologyDrivers;
import org.flannel.harness.topology.TopologySettings;
import org.flannel.harness.topology.TopologySpec;

/**
 * N nodes on one underlay segment (10.168.0.0/16) with etcd, a route monitor on every node, and one implementation
 * started on all of them with the contract's command line. Closing it removes everything (the driver's cleanup).
 */
final class BenchCluster implements AutoCloseable {
    static final String PREFIX = "/coreos.com/network";
    static final String ETCD_ADDRESS = "10.168.0.10";

    private final Topology topology;
    private final String backend;
    private final List<RouteMonitor> monitors = new ArrayList<>();
    private final List<Agent> agents = new ArrayList<>();
    private Instant started;

    private BenchCluster(Topology topology, String backend) {
        this.topology = topology;
        this.backend = backend;
    }

    /** Makes the namespaces, writes the network config and starts the monitors; no agent runs yet. */
    static BenchCluster create(TopologySettings settings, String backend, int size) {
        TopologySpec.Builder spec = TopologySpec.builder().segment("underlay", "10.168.0.0/16");
        spec.etcd("underlay", ETCD_ADDRESS);
        for (int i = 1; i <= size; i++) {
            spec.node("node" + i, "underlay", "10.168.1." + i);
        }
        Topology topology = TopologyDrivers.create(settings, List.of()).create(spec.build());
        BenchCluster cluster = new BenchCluster(topology, backend);
        try {
            topology.etcd()
                    .put(
                            PREFIX + "/config",
                            "{\"Network\":\"10.1.0.0/16\",\"Backend\":{\"Type\":\"" + backend + "\"}}");
            for (Node node : topology.nodes()) {
                cluster.monitors.add(RouteMonitor.start(node));
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Starts the implementation on every node, one after the other as fast as possible; returns when it began. */
    Instant startAgents(Implementation implementation) {
        started = Instant.now();
        for (Node node : topology.nodes()) {
            agents.add(launch(node, implementation));
        }
        return started;
    }

    /** Starts the agent at {@code index} again, as a DaemonSet restarts a pod whose agent exited. */
    Agent restart(int index) {
        Agent gone = agents.get(index);
        Agent again = launch(gone.node(), gone.implementation().orElseThrow());
        agents.set(index, again);
        return again;
    }

    private Agent launch(Node node, Implementation implementation) {
        Path subnetFile = topology.workDir().resolve(node.name() + "-subnet.env");
        List<String> argv =
                implementation.argv(topology.etcd().endpoint(), PREFIX, node.address(), subnetFile, List.of());
        return new Agent(node, node.start("flanneld", argv), subnetFile, Agent.contentOf(subnetFile), implementation);
    }

    /** A pod on the node of the agent at {@code index}, addressed from its subnet file, as Docker would attach it. */
    Container pod(String name, int index) {
        Agent agent = agents.get(index);
        return topology.addContainer(name, agent.node().name(), agent.subnetFile());
    }

    String backend() {
        return backend;
    }

    List<Agent> agents() {
        return agents;
    }

    List<RouteMonitor> monitors() {
        return monitors;
    }

    /** Every lease in etcd now: subnet (10.1.5.0/24) to value. */
    Map<String, String> leases() {
        Map<String, String> leases = new TreeMap<>();
        topology.etcd()
                .getPrefix(PREFIX + "/subnets/")
                .forEach((key, value) ->
                        leases.put(key.substring(key.lastIndexOf('/') + 1).replace('-', '/'), value));
        return leases;
    }

    /** Runs {@code etcdctl txn} on etcd's host with this input; returns the time just before it started. */
    Instant transaction(String input) {
        Instant before = Instant.now();
        topology.host(TopologySpec.ETCD)
                .exec(Command.of("etcdctl", "--endpoints=" + topology.etcd().endpoint(), "txn")
                        .withEnv("ETCDCTL_API", "3")
                        .withStdin(input)
                        .withTimeout(Duration.ofSeconds(30)))
                .orThrow();
        return before;
    }

    Instant put(String key, String value) {
        Instant before = Instant.now();
        topology.etcd().put(key, value);
        return before;
    }

    Instant delete(String key) {
        Instant before = Instant.now();
        topology.etcd().delete(key);
        return before;
    }

    /** The IPv4 routes into 10.1.0.0/16 a node's kernel holds now (destinations, e.g. 10.1.5.0/24). */
    List<String> podRoutes(Node node) {
        return new KernelReader(node)
                .routes().stream()
                        .map(RouteRow::network)
                        .filter(destination -> destination.startsWith("10.1.") && !destination.equals("10.1.0.0/16"))
                        .toList();
    }

    @Override
    public void close() {
        topology.close();
    }
}
