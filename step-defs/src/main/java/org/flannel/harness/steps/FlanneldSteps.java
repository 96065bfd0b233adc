package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.flannel.harness.impl.Agent;
import org.flannel.harness.impl.Implementation;
import org.flannel.harness.kernel.KernelReader;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.Node;

/**
 * The network config in etcd, and the implementation under test started, stopped and restarted on nodes;
 * in mixed clusters, the reference flanneld on some nodes and the implementation under test on others.
 */
public final class FlanneldSteps {
    static final Duration READY_LIMIT = Duration.ofSeconds(30);
    static final Duration SETTLE_LIMIT = Duration.ofSeconds(10);
    private final ScenarioWorld world;

    public FlanneldSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("the network config is:")
    public void theNetworkConfigIs(String json) {
        world.topology().etcd().put(world.etcdPrefix() + "/config", json.strip());
    }

    /** A subnet file from a previous life: Flannel reuses that subnet when it is free. */
    @Given("{word} remembers the subnet {word} and {word} remembers {word}")
    public void nodesRememberSubnets(String node1, String subnet1, String node2, String subnet2) {
        remember(node1, subnet1);
        remember(node2, subnet2);
    }

    @Given("flanneld is running on {word} and {word}")
    public void flanneldIsRunningOn(String node1, String node2) {
        flanneldIsRunningOnWith(node1, node2, List.of());
    }

    /** With flags of Flannel's beyond the contract's command line, e.g. --subnet-lease-renew-margin=1439. */
    @Given("flanneld is running on {word} and {word} with {flags}")
    public void flanneldIsRunningOnWith(String node1, String node2, List<String> flags) {
        // Started one after the other, as an operator would; each must be ready before the next.
        start(node1, world.etcdPrefix(), world.implementation(), flags).awaitReady(READY_LIMIT);
        start(node2, world.etcdPrefix(), world.implementation(), flags).awaitReady(READY_LIMIT);
        settle(world.etcdPrefix(), node1, node2);
    }

    /** "--a=1 --b" → [--a=1, --b]. */
    @ParameterType(name = "flags", value = "--\\S+(?: --\\S+)*")
    public List<String> flags(String flags) {
        return List.of(flags.split(" "));
    }

    /** Started, not waited for: a scenario about what it does before it is ready (or instead). */
    @When("flanneld is started on {word}")
    public void flanneldIsStartedOn(String node) {
        start(node);
    }

    @Then("within {int} seconds flanneld on {word} is ready")
    public void withinSecondsFlanneldIsReady(int seconds, String node) {
        world.agent(node).awaitReady(Duration.ofSeconds(seconds));
    }

    /**
     * A mixed cluster: each node names the implementation it runs, either the reference flanneld
     * ({@code -Dflannel.reference}) or the one under test ({@code -Dflannel.impl}), e.g.
     * "node1 runs the reference flanneld and node2 the flanneld under test". Started in that order.
     */
    @Given("{word} runs {flanneld} and {word} {flanneld}")
    public void nodesRunImplementations(String node1, String implementation1, String node2, String implementation2) {
        start(node1, world.etcdPrefix(), implementationNamed(implementation1)).awaitReady(READY_LIMIT);
        start(node2, world.etcdPrefix(), implementationNamed(implementation2)).awaitReady(READY_LIMIT);
        settle(world.etcdPrefix(), node1, node2);
    }

    /**
     * Flannel writes its subnet file before it programs the peers it found at startup, so "ready" does
     * not yet mean "reaches the others". Before the scenario acts, wait (bounded, never failing: the
     * scenario's own checks judge) until each node routes the other's subnet by something more
     * specific than its default route.
     */
    private void settle(String prefix, String node1, String node2) {
        PeerRoutes.awaitEachOther(
                world.node(node1),
                firstAddress(node1, prefix),
                world.node(node2),
                firstAddress(node2, prefix),
                SETTLE_LIMIT);
    }

    /** The phrases a feature uses for the two implementations; resolved to an executable when a node starts. */
    @ParameterType(name = "flanneld", value = "the reference flanneld|the flanneld under test")
    public String flanneld(String phrase) {
        return phrase;
    }

    private Implementation implementationNamed(String phrase) {
        return switch (phrase) {
            case "the reference flanneld" -> world.referenceImplementation();
            case "the flanneld under test" -> world.implementation();
            default -> throw new IllegalArgumentException("no implementation is called \"" + phrase + "\"");
        };
    }

    @Given("flanneld is running on {word}")
    public void flanneldIsRunningOnOne(String node) {
        start(node).awaitReady(READY_LIMIT);
    }

    /**
     * The implementation met something it cannot do for one peer: it must say so, naming the subnet,
     * and go on serving the others. A routine line (e.g. "Subnet added: ...") does not count: a line
     * about the failed subnet counts only when, digits aside, it is unlike every line the agent wrote
     * about a subnet it did route.
     */
    @Then("flanneld on {word} is still running, and its log says of {word} what it did not say of {word}")
    public void stillRunningAndItsLogReports(String node, String failed, String routed) {
        Agent agent = world.agent(node);
        try {
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> LogLines.saidOnlyOf(agent.process().logs(), failed, routed)
                            .isPresent());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("within 15 s flanneld on " + node + " wrote no line about " + failed
                    + " other than the kind it wrote about " + routed + " (which it routed). Its log:\n"
                    + agent.process().logs());
        }
        assertThat(agent.process().isAlive())
                .as("flanneld on %s is running", node)
                .isTrue();
    }

    @When("flanneld starts on {word}")
    public void flanneldStartsOn(String node) {
        start(node).awaitReady(READY_LIMIT);
    }

    /** Stops the node's flanneld (SIGTERM), records what it had, and starts it again. */
    @When("flanneld on {word} restarts")
    public void flanneldRestarts(String node) {
        Agent before = world.agent(node);
        rememberBeforeRestart(node);
        before.process().stop(Duration.ofSeconds(10));
        world.stopped(node);
        startAgain(node, before);
    }

    /** What a restart must keep: the node's subnet and its VTEP MAC (none without a VXLAN device). */
    void rememberBeforeRestart(String node) {
        world.rememberBeforeRestart(
                node,
                new RestartMemory(
                        subnetOf(node),
                        new KernelReader(world.node(node))
                                .firstVxlanDevice()
                                .map(d -> d.attribute("mac"))
                                .orElse("")));
    }

    /** The same implementation and flags again: in a mixed cluster a node keeps the one it ran. */
    void startAgain(String node, Agent before) {
        start(node, world.etcdPrefix(), before.implementation().orElseGet(world::implementation), before.flags())
                .awaitReady(READY_LIMIT);
    }

    /** SIGTERM, as an operator or systemd stops it; it must exit by itself within 10 s. */
    @When("flanneld on {word} stops")
    public void flanneldStops(String node) {
        Agent agent = world.agent(node);
        agent.process().stop(Duration.ofSeconds(10));
        world.stopped(node);
    }

    @Then("{word} still has the subnet {word} and the same VTEP MAC")
    public void stillHasTheSubnetAndTheSameVtepMac(String node, String subnet) {
        RestartMemory memory = world.beforeRestart(node);
        assertThat(memory.subnet()).as("%s's subnet before the restart", node).isEqualTo(subnet);
        assertThat(subnetOf(node)).as("%s's subnet after the restart", node).isEqualTo(subnet);
        String mac = new KernelReader(world.node(node))
                .firstVxlanDevice()
                .map(d -> d.attribute("mac"))
                .orElse("none");
        assertThat(mac)
                .as("%s's VTEP MAC after the restart (before: %s)", node, memory.vtepMac())
                .isEqualTo(memory.vtepMac());
    }

    @Then("{word}'s subnet file is exactly:")
    public void subnetFileIsExactly(String node, String expected) {
        assertThat(read(world.agent(node).subnetFile())).isEqualTo(expected.strip() + "\n");
    }

    @Then("{word}'s subnet file says {word}")
    public void subnetFileSays(String node, String line) {
        assertThat(read(world.agent(node).subnetFile()).lines().toList()).contains(line);
    }

    Agent start(String nodeName) {
        return start(nodeName, world.etcdPrefix());
    }

    Agent start(String nodeName, String prefix) {
        return start(nodeName, prefix, world.implementation());
    }

    Agent start(String nodeName, String prefix, Implementation implementation) {
        return start(nodeName, prefix, implementation, List.of());
    }

    Agent start(String nodeName, String prefix, Implementation implementation, List<String> flags) {
        String key = ScenarioWorld.agentKey(nodeName, prefix);
        if (world.runs(key)) {
            throw new IllegalStateException("flanneld for " + prefix + " already runs on " + nodeName);
        }
        Node node = world.node(nodeName);
        Path subnetFile = world.subnetFile(nodeName, prefix);
        keepOnlyWhatFlannelReadsBack(subnetFile);
        List<String> argv =
                implementation.argv(world.topology().etcd().endpoint(), prefix, node.address(), subnetFile, flags);
        Optional<String> atLaunch = Agent.contentOf(subnetFile);
        ManagedProcess process = node.start("flanneld", argv);
        Agent agent = new Agent(node, process, subnetFile, atLaunch, implementation, flags);
        world.started(key, agent);
        return agent;
    }

    @Given("the network config under {word} is:")
    public void theNetworkConfigUnderIs(String prefix, String json) {
        world.topology().etcd().put(prefix + "/config", json.strip());
    }

    @Given("flanneld for {word} is running on {word} and {word}")
    public void flanneldForPrefixIsRunningOn(String prefix, String node1, String node2) {
        start(node1, prefix).awaitReady(READY_LIMIT);
        start(node2, prefix).awaitReady(READY_LIMIT);
        settle(prefix, node1, node2);
    }

    /**
     * As Flannel's own functional test gives each network an address: the first address of the node's
     * subnet (FLANNEL_SUBNET) on a bridge of its own, with no port (a local address the peers can reach).
     */
    @Given("{word} and {word} each hold the first address of their {word} subnet on a bridge {word}")
    public void eachHoldsTheFirstAddressOnABridge(String node1, String node2, String prefix, String bridge) {
        for (String node : List.of(node1, node2)) {
            String address = firstAddress(node, prefix);
            world.node(node)
                    .exec(
                            "sh",
                            "-c",
                            "ip link add " + bridge + " type bridge && ip addr add " + address + " dev " + bridge
                                    + " && ip link set " + bridge + " up")
                    .orThrow();
        }
    }

    /** FLANNEL_SUBNET as written, e.g. 10.11.42.1/24. */
    String firstAddress(String node, String prefix) {
        return SubnetFileText.firstAddress(world.agent(node, prefix).subnetFile())
                .orElseThrow(
                        () -> new AssertionError(node + "'s subnet file for " + prefix + " has no FLANNEL_SUBNET"));
    }

    /** The node's subnet from its subnet file: FLANNEL_SUBNET=10.1.16.1/24 gives 10.1.16.0/24. */
    String subnetOf(String node) {
        return SubnetFileText.subnet(world.agent(node).subnetFile())
                .orElseThrow(() -> new AssertionError(node + "'s subnet file has no FLANNEL_SUBNET"));
    }

    /**
     * A subnet file from a previous life holds only the lines Flannel reads back (FLANNEL_NETWORK is
     * kept for readers like Docker's): the agent must write the rest itself, so a file it merely touched,
     * or left as it was, can neither make it ready nor pass a check of the file's content.
     */
    void remember(String node, String subnet) {
        String[] cidr = subnet.split("/");
        String[] octets = cidr[0].split("\\.");
        String first = octets[0] + "." + octets[1] + "." + octets[2] + "." + (Integer.parseInt(octets[3]) + 1);
        write(world.subnetFile(node), "FLANNEL_NETWORK=10.1.0.0/16\nFLANNEL_SUBNET=" + first + "/" + cidr[1] + "\n");
    }

    /** Before a (re)start: a file left by an earlier run is cut back to what a previous life leaves. */
    private static void keepOnlyWhatFlannelReadsBack(Path subnetFile) {
        Agent.contentOf(subnetFile)
                .ifPresent(text -> write(
                        subnetFile,
                        text.lines()
                                .filter(line ->
                                        line.startsWith("FLANNEL_NETWORK=") || line.startsWith("FLANNEL_SUBNET="))
                                .map(line -> line + "\n")
                                .collect(java.util.stream.Collectors.joining())));
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e.getMessage());
        }
    }
}
