package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.flannel.harness.topology.Command;
import org.flannel.harness.topology.ExecResult;
import org.flannel.harness.topology.Host;

/**
 * ICMP echo between containers and nodes, with the size of the IP packet and DF as the features
 * state them, optionally captured at named points while it runs.
 */
public final class TrafficSteps {
    /** IPv4 header and ICMP echo header: what ping adds to its -s payload. */
    private static final int IP_AND_ICMP_HEADERS = 28;

    private final ScenarioWorld world;

    public TrafficSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("^(\\S+) pings (\\S+) once$")
    public void pingsOnce(String from, String to) {
        world.recordPing(ping(from, to, 84, false));
    }

    /** A datagram, not a ping: Flannel's udp proxy answers net unreachable for anything but ICMP (RFC 792). */
    @When("^(\\S+) sends a UDP datagram to (\\S+) port (\\d+)$")
    public void sendsADatagram(String from, String to, int port) {
        world.host(from)
                .exec("bash", "-c", "echo flannel-probe > /dev/udp/" + to + "/" + port)
                .orThrow();
    }

    @Then("the ping to {word} fails with {string}")
    public void thePingToFailsWith(String destination, String message) {
        assertFailedWith(world.pingTo(destination), message);
    }

    /** Left the pod, got no reply, and ping names what came back instead (e.g. an ICMP error). */
    private static void assertFailedWith(PingOutcome ping, String message) {
        assertThat(ping.leftAndFailedWith(message))
                .as("the echo request was sent, got no reply, and ping says \"%s\":" + " %s", message, ping.describe())
                .isTrue();
    }

    @Then("the ping to {word} succeeds")
    public void thePingToSucceeds(String destination) {
        PingOutcome ping = world.pingTo(destination);
        assertThat(ping.succeeded()).as(ping.describe()).isTrue();
    }

    @When("^(\\S+) pings (\\S+) with (\\d+)-byte packets and DF set$")
    public void pingsWithSizeAndDf(String from, String to, int size) {
        world.recordPing(ping(from, to, size, true));
    }

    /** A listener for TCP probes: iperf3's server accepts connections and keeps running. */
    @Given("{word} listens on TCP port {int}")
    public void listensOnTcpPort(String host, int port) {
        world.host(host).start("tcp-listener-" + port, List.of("iperf3", "-s", "-p", Integer.toString(port)));
        // Ready once the socket is bound: ask the kernel rather than guess with a sleep.
        try {
            await().atMost(Duration.ofSeconds(5))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> world.host(host)
                            .exec("sh", "-c", "ss -ltn | grep -q ':" + port + " '")
                            .succeeded());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("nothing listens on TCP port " + port + " in " + host + " after 5 s");
        }
    }

    @When("^(\\S+) opens a TCP connection to (\\S+) port (\\d+)$")
    public void opensATcpConnection(String from, String to, int port) {
        world.recordTcpProbe(world.host(from)
                .exec("timeout", "5", "bash", "-c", "exec 3<>/dev/tcp/" + to + "/" + port + " && echo connected"));
    }

    /**
     * Several flows between the same two pods, two datagrams each: one socket per destination port (bash's
     * /dev/udp connects it, so both datagrams share the five-tuple), closed before the next. Nothing listens:
     * the peer's port unreachable error fails the next send on a connected socket once, so a failed send is
     * tried again.
     */
    @When("^(\\S+) sends two UDP datagrams to each of (\\S+)'s ports (\\d+) to (\\d+), each pair from one socket$")
    public void udpFlows(String from, String to, int firstPort, int lastPort) {
        if (lastPort < firstPort || lastPort - firstPort > 63) {
            throw new IllegalArgumentException(
                    "ports " + firstPort + " to " + lastPort + ": give 1 to 64 ports, low first");
        }
        String script = "for port in $(seq " + firstPort + " " + lastPort + "); do exec 3<>/dev/udp/" + to + "/$port"
                + " || exit 1; for i in 1 2; do echo flow-$port-$i >&3 2>/dev/null || echo flow-$port-$i >&3"
                + " || exit 1; done; exec 3>&-; done";
        world.host(from).exec("bash", "-c", script).orThrow();
    }

    @Then("the TCP connection succeeds")
    public void theTcpConnectionSucceeds() {
        ExecResult probe = world.tcpProbe();
        assertThat(probe.stdout())
                .as("TCP probe: exit %d, stderr %s", probe.exitCode(), probe.stderr())
                .contains("connected");
    }

    /** From the node's own address in that network (ping -I), as Flannel's functional test pings. */
    @When("^(\\S+) pings (\\S+)'s first address in (\\S+) from its own$")
    public void pingsFirstAddressFromItsOwn(String from, String to, String prefix) {
        String source = firstAddressOf(from, prefix);
        String destination = firstAddressOf(to, prefix);
        world.recordPing(new PingOutcome(
                from,
                destination,
                84,
                false,
                world.host(from).exec("ping", "-n", "-c", "1", "-W", "3", "-I", source, destination)));
    }

    private String firstAddressOf(String node, String prefix) {
        return new TopologySymbols(world)
                .lookup(node + " first address in " + prefix)
                .orElseThrow(() -> new AssertionError("no subnet file for " + prefix + " on " + node));
    }

    @Then("the ping fails")
    public void thePingFails() {
        PingOutcome ping = world.lastPing();
        assertThat(ping.leftAndGotNoAnswer())
                .as(
                        "the echo request was sent and nothing answered it (no reply, no" + " ICMP error): %s",
                        ping.describe())
                .isTrue();
    }

    @Then("the ping fails with {string}")
    public void thePingFailsWith(String message) {
        assertFailedWith(world.lastPing(), message);
    }

    /** For changes that take effect when the implementation notices them: ping until it holds. */
    @Then("within {int} seconds a ping from {word} to {word} fails with {string}")
    public void withinSecondsAPingFailsWith(int seconds, String from, String to, String message) {
        untilPing(
                seconds,
                from,
                to,
                ping -> ping.leftAndFailedWith(message),
                "leave " + from + ", get no reply and fail with \"" + message + "\"");
    }

    @Then("within {int} seconds a ping from {word} to {word} succeeds")
    public void withinSecondsAPingSucceeds(int seconds, String from, String to) {
        untilPing(seconds, from, to, PingOutcome::succeeded, "succeed");
    }

    private void untilPing(int seconds, String from, String to, Predicate<PingOutcome> wanted, String what) {
        AtomicReference<PingOutcome> last = new AtomicReference<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        try {
            // A ping takes up to its 3 s timeout: the window is for starting pings, the last one may finish after it.
            await().atMost(Duration.ofSeconds(seconds + 4))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .failFast("no time left to start another ping", () -> System.nanoTime() > deadline)
                    .until(() -> {
                        PingOutcome ping = ping(from, to, 84, false);
                        world.recordPing(ping);
                        last.set(ping);
                        return wanted.test(ping);
                    });
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError("within " + seconds + " s, a ping from " + from + " to " + to + " did not " + what
                    + "; the last one: "
                    + (last.get() == null ? "none finished" : last.get().describe()));
        }
    }

    @Then("the ping succeeds")
    public void thePingSucceeds() {
        PingOutcome ping = world.lastPing();
        assertThat(ping.succeeded()).as(ping.describe()).isTrue();
    }

    @Then("the {int}-byte ping succeeds")
    public void theSizedPingSucceeds(int size) {
        PingOutcome ping = world.ping(size);
        assertThat(ping.succeeded()).as(ping.describe()).isTrue();
    }

    @Then("the {int}-byte ping fails at the sender with {string}")
    public void theSizedPingFailsAtTheSender(int size, String message) {
        PingOutcome ping = world.ping(size);
        assertThat(ping.succeeded()).as(ping.describe()).isFalse();
        assertThat(ping.result().stdout() + ping.result().stderr())
                .as(ping.describe())
                .contains(message);
    }

    private PingOutcome ping(String from, String to, int ipPacketSize, boolean dontFragment) {
        Host host = world.host(from);
        List<String> argv = new ArrayList<>(List.of("ping", "-n", "-c", "1", "-W", "3"));
        if (dontFragment) {
            argv.addAll(List.of("-M", "do"));
        }
        argv.addAll(List.of("-s", Integer.toString(ipPacketSize - IP_AND_ICMP_HEADERS), to));
        ExecResult result = host.exec(Command.of(argv));
        return new PingOutcome(from, to, ipPacketSize, dontFragment, result);
    }
}
