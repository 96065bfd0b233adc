package org.flannel.harness.steps;

import io.cucumber.java.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flannel.harness.expect.Symbols;
import org.flannel.harness.impl.Agent;
import org.flannel.harness.impl.Implementation;
import org.flannel.harness.run.Implementations;
import org.flannel.harness.topology.ExecResult;
import org.flannel.harness.topology.Host;
import org.flannel.harness.topology.Node;
import org.flannel.harness.topology.Topology;

/**
 * What one scenario has built and seen: its topology, the agents of the implementation under test,
 * the containers, the last pings and the captures. Cucumber makes one per scenario.
 */
public final class ScenarioWorld {
    public static final String ETCD_PREFIX = "/coreos.com/network";

    private final Implementations implementations;
    private Scenario scenario;
    private Topology topology;
    private Implementation implementation;
    private Implementation reference;
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final List<Agent> stoppedAgents = new ArrayList<>();
    private final Captures captures = new Captures();
    private final Map<Integer, PingOutcome> pingsBySize = new LinkedHashMap<>();
    private final Map<String, PingOutcome> pingsByDestination = new LinkedHashMap<>();
    private final Map<String, RestartMemory> beforeRestart = new LinkedHashMap<>();
    private final java.util.Set<String> mayExit = new java.util.HashSet<>();
    private PingOutcome lastPing;
    private ExecResult tcpProbe;
    private int vxlanPort = 8472;

    public ScenarioWorld(Implementations implementations) {
        this.implementations = implementations;
    }

    void begin(Scenario scenario) {
        this.scenario = scenario;
    }

    Scenario scenario() {
        return scenario;
    }

    /** A measured figure a step met its bound with: in the scenario's log (the report) and the run's output. */
    void note(String figure) {
        scenario().log(figure);
        System.out.println("    (" + figure + ")");
    }

    void topology(Topology topology) {
        if (this.topology != null) {
            throw new IllegalStateException("this scenario already has a topology: declare it once, in the Background");
        }
        this.topology = topology;
    }

    public Topology topology() {
        if (topology == null) {
            throw new IllegalStateException("no topology yet: start the scenario with \"Given a topology:\"");
        }
        return topology;
    }

    Optional<Topology> topologyIfAny() {
        return Optional.ofNullable(topology);
    }

    Implementation implementation() {
        if (implementation == null) {
            implementation = implementations.underTest();
        }
        return implementation;
    }

    /** The reference flanneld, for mixed clusters; checked when first asked for. */
    Implementation referenceImplementation() {
        if (reference == null) {
            reference = implementations.reference();
        }
        return reference;
    }

    Node node(String name) {
        return topology().node(name);
    }

    Host host(String name) {
        return topology().host(name);
    }

    Path subnetFile(String node) {
        return subnetFile(node, ETCD_PREFIX);
    }

    /** One subnet file per node and network (etcd prefix), as Flannel's docs run several daemons. */
    Path subnetFile(String node, String prefix) {
        String name = prefix.equals(ETCD_PREFIX)
                ? "subnet.env"
                : prefix.replaceAll("^/+", "").replace('/', '_') + ".env";
        Path file = topology().workDir().resolve(node).resolve(name);
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    /** The agents running now, by {@link #agentKey}, in the order they started; a copy. */
    Map<String, Agent> agents() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(agents));
    }

    /** Agents this scenario stopped or restarted, in that order: their logs are evidence too. */
    List<Agent> stoppedAgents() {
        return List.copyOf(stoppedAgents);
    }

    boolean runs(String agentKey) {
        return agents.containsKey(agentKey);
    }

    /** A started agent, which must keep running from now on. */
    void started(String agentKey, Agent agent) {
        if (agents.containsKey(agentKey)) {
            throw new IllegalStateException("flanneld " + agentKey + " already runs");
        }
        forbidExit(agentKey);
        agents.put(agentKey, agent);
    }

    /** The agent stopped (by the scenario): it no longer runs, its log stays evidence. */
    void stopped(String agentKey) {
        Agent agent = agents.remove(agentKey);
        if (agent == null) {
            throw new IllegalStateException("flanneld " + agentKey + " does not run");
        }
        stoppedAgents.add(agent);
    }

    /** As a reboot leaves it: the node's subnet file (of the default network) gone. */
    void deleteSubnetFile(String node) {
        try {
            Files.deleteIfExists(subnetFile(node));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The agent (by key) this scenario stopped last. */
    Agent lastStopped(String agentKey) {
        for (int i = stoppedAgents.size() - 1; i >= 0; i--) {
            Agent agent = stoppedAgents.get(i);
            if (agentKey.equals(agentKey(agent.node().name(), ETCD_PREFIX))) {
                return agent;
            }
        }
        throw new IllegalStateException("no flanneld was stopped on " + agentKey + " in this scenario");
    }

    /** What a node had before its agent restarted, for the checks after. */
    void rememberBeforeRestart(String node, RestartMemory memory) {
        beforeRestart.put(node, memory);
    }

    RestartMemory beforeRestart(String node) {
        RestartMemory memory = beforeRestart.get(node);
        if (memory == null) {
            throw new IllegalStateException("flanneld on " + node + " has not restarted in this scenario");
        }
        return memory;
    }

    Agent agent(String node) {
        return agent(node, ETCD_PREFIX);
    }

    /** The agent of one network on a node: keyed "node1", or "node1@/vxlan/network" for another prefix. */
    Agent agent(String node, String prefix) {
        Agent agent = agents.get(agentKey(node, prefix));
        if (agent == null) {
            throw new IllegalStateException("flanneld" + (prefix.equals(ETCD_PREFIX) ? "" : " for " + prefix)
                    + " is not running on " + node + " in this scenario");
        }
        return agent;
    }

    static String agentKey(String node, String prefix) {
        return prefix.equals(ETCD_PREFIX) ? node : node + "@" + prefix;
    }

    /** The agent (by {@link #agentKey}) was given a reason to exit, e.g. its lease was deleted. */
    void allowExit(String agentKey) {
        mayExit.add(agentKey);
    }

    /** A (re)started agent must keep running again. */
    void forbidExit(String agentKey) {
        mayExit.remove(agentKey);
    }

    boolean mayExit(String agentKey) {
        return mayExit.contains(agentKey);
    }

    void startCaptures(List<String> points) {
        captures.start(topology(), points);
    }

    void stopCaptures() {
        captures.stopAll();
    }

    /** Keeps the pcap of a capture a step ran by itself. */
    void keepCapture(String point, Path pcap) {
        captures.keep(point, pcap);
    }

    /** The pcaps of the scenario's stopped captures, by point. */
    Map<String, Path> captures() {
        return captures.files();
    }

    Path capture(String point) {
        return captures.file(point);
    }

    void recordPing(PingOutcome ping) {
        lastPing = ping;
        pingsBySize.put(ping.ipPacketSize(), ping);
        pingsByDestination.put(ping.to(), ping);
    }

    void recordTcpProbe(ExecResult probe) {
        tcpProbe = probe;
    }

    ExecResult tcpProbe() {
        if (tcpProbe == null) {
            throw new IllegalStateException("no TCP probe yet in this scenario");
        }
        return tcpProbe;
    }

    PingOutcome lastPing() {
        if (lastPing == null) {
            throw new IllegalStateException("no ping yet in this scenario");
        }
        return lastPing;
    }

    PingOutcome pingTo(String destination) {
        PingOutcome ping = pingsByDestination.get(destination);
        if (ping == null) {
            throw new IllegalStateException("no ping to " + destination + " in this scenario");
        }
        return ping;
    }

    PingOutcome ping(int size) {
        PingOutcome ping = pingsBySize.get(size);
        if (ping == null) {
            throw new IllegalStateException("no ping with " + size + "-byte packets in this scenario");
        }
        return ping;
    }

    int vxlanPort() {
        return vxlanPort;
    }

    void vxlanPort(int port) {
        vxlanPort = port;
    }

    Symbols symbols() {
        return new TopologySymbols(this);
    }

    String etcdPrefix() {
        return ETCD_PREFIX;
    }
}
