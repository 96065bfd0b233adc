package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flannel.harness.topology.Capture;
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

    @When("^(\\S+) pings (\\S+) once, capturing on (.+)$")
    public void pingsOnceCapturing(String from, String to, String points) {
        capturing(points, () -> world.recordPing(ping(from, to, 84, false)));
    }

    /** Two pings in one capture: a negative check on one needs the other to prove the point saw traffic. */
    @When("^(\\S+) pings (\\S+) once and then (\\S+) once, capturing on (.+)$")
    public void pingsTwoAddressesCapturing(String from, String first, String second, String points) {
        capturing(points, () -> {
            world.recordPing(ping(from, first, 84, false));
            world.recordPing(ping(from, second, 84, false));
        });
    }

    /** A datagram, not a ping: Flannel's udp proxy answers net unreachable for anything but ICMP (RFC 792). */
    @When("^(\\S+) sends a UDP datagram to (\\S+) port (\\d+) and then pings (\\S+) once, capturing on (.+)$")
    public void datagramThenPingCapturing(String from, String udpTo, int udpPort, String pingTo, String points) {
        capturing(points, () -> {
            world.host(from).exec("bash", "-c", "echo flannel-probe > /dev/udp/" + udpTo + "/" + udpPort).orThrow();
            world.recordPing(ping(from, pingTo, 84, false));
        });
    }

    @Then("the ping to {word} fails with {string}")
    public void thePingToFailsWith(String destination, String message) {
        assertFailedWith(world.pingTo(destination), message);
    }

    /** Left the pod, got no reply, and ping names what came back instead (e.g. an ICMP error). */
    private static void assertFailedWith(PingOutcome ping, String message) {
        assertThat(ping.leftAndFailedWith(message)).as("the echo request was sent, got no reply, and ping says \"%s\":"
                + " %s", message, ping.describe()).isTrue();
    }

    @Then("the ping to {word} succeeds")
    public void thePingToSucceeds(String destination) {
        PingOutcome ping = world.pingTo(destination);
        assertThat(ping.succeeded()).as(ping.describe()).isTrue();
    }

    @When("^(\\S+) pings (\\S+) with (\\d+)-byte packets and DF set, capturing on (.+)$")
    public void pingsWithSizeAndDf(String from, String to, int size, String points) {
        capturing(points, () -> world.recordPing(ping(from, to, size, true)));
    }

    @When("^(\\S+) pings (\\S+) with (\\d+)-byte and then (\\d+)-byte packets, DF set, capturing on (.+)$")
    public void pingsWithTwoSizes(String from, String to, int first, int second, String points) {
        capturing(points, () -> {
            world.recordPing(ping(from, to, first, true));
            world.recordPing(ping(from, to, second, true));
        });
    }

    /** A listener for TCP probes: iperf3's server accepts connections and keeps running. */
    @Given("{word} listens on TCP port {int}")
    public void listensOnTcpPort(String host, int port) {
        world.host(host).start("tcp-listener-" + port, List.of("iperf3", "-s", "-p", Integer.toString(port)));
        // Ready once the socket is bound: ask the kernel rather than guess with a sleep.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!world.host(host).exec("sh", "-c", "ss -ltn | grep -q ':" + port + " '").succeeded()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing listens on TCP port " + port + " in " + host + " after 5 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the listener in " + host);
            }
        }
    }

    @When("^(\\S+) sends a UDP datagram to (\\S+) port (\\d+) and opens a TCP connection to (\\S+) port (\\d+), capturing on (.+)$")
    public void udpAndTcpProbes(String from, String udpTo, int udpPort, String tcpTo, int tcpPort, String points) {
        capturing(points, () -> {
            world.host(from).exec("bash", "-c", "echo flannel-probe > /dev/udp/" + udpTo + "/" + udpPort).orThrow();
            world.recordTcpProbe(world.host(from).exec("timeout", "5", "bash", "-c",
                    "exec 3<>/dev/tcp/" + tcpTo + "/" + tcpPort + " && echo connected"));
        });
    }

    /**
     * Several flows between the same two pods, two datagrams each: one socket per destination port (bash's
     * /dev/udp connects it, so both datagrams share the five-tuple), closed before the next. Nothing listens:
     * the peer's port unreachable error fails the next send on a connected socket once, so a failed send is
     * tried again.
     */
    @When("^(\\S+) sends two UDP datagrams to each of (\\S+)'s ports (\\d+) to (\\d+), each pair from one socket, capturing on (.+)$")
    public void udpFlows(String from, String to, int firstPort, int lastPort, String points) {
        if (lastPort < firstPort || lastPort - firstPort > 63) {
            throw new IllegalArgumentException("ports " + firstPort + " to " + lastPort + ": give 1 to 64 ports, low first");
        }
        String script = "for port in $(seq " + firstPort + " " + lastPort + "); do exec 3<>/dev/udp/" + to + "/$port"
                + " || exit 1; for i in 1 2; do echo flow-$port-$i >&3 2>/dev/null || echo flow-$port-$i >&3"
                + " || exit 1; done; exec 3>&-; done";
        capturing(points, () -> world.host(from).exec("bash", "-c", script).orThrow());
    }

    @Then("the TCP connection succeeds")
    public void theTcpConnectionSucceeds() {
        ExecResult probe = world.tcpProbe();
        assertThat(probe.stdout()).as("TCP probe: exit %d, stderr %s", probe.exitCode(), probe.stderr())
                .contains("connected");
    }

    /** From the node's own address in that network (ping -I), as Flannel's functional test pings. */
    @When("^(\\S+) pings (\\S+)'s first address in (\\S+) from its own(?:, capturing on (.+))?$")
    public void pingsFirstAddressFromItsOwn(String from, String to, String prefix, String points) {
        String source = firstAddressOf(from, prefix);
        String destination = firstAddressOf(to, prefix);
        Runnable traffic = () -> world.recordPing(new PingOutcome(from, destination, 84, false,
                world.host(from).exec("ping", "-n", "-c", "1", "-W", "3", "-I", source, destination)));
        if (points == null) {
            traffic.run();
        } else {
            capturing(points, traffic);
        }
    }

    private String firstAddressOf(String node, String prefix) {
        return new TopologySymbols(world).lookup(node + " first address in " + prefix)
                .orElseThrow(() -> new AssertionError("no subnet file for " + prefix + " on " + node));
    }

    @Then("the ping fails")
    public void thePingFails() {
        PingOutcome ping = world.lastPing();
        assertThat(ping.leftAndGotNoAnswer()).as("the echo request was sent and nothing answered it (no reply, no"
                + " ICMP error): %s", ping.describe()).isTrue();
    }

    @Then("the ping fails with {string}")
    public void thePingFailsWith(String message) {
        assertFailedWith(world.lastPing(), message);
    }

    /** For changes that take effect when the implementation notices them: ping until it holds. */
    @Then("within {int} seconds a ping from {word} to {word} fails with {string}")
    public void withinSecondsAPingFailsWith(int seconds, String from, String to, String message) {
        untilPing(seconds, from, to, ping -> ping.leftAndFailedWith(message),
                "leave " + from + ", get no reply and fail with \"" + message + "\"");
    }

    @Then("within {int} seconds a ping from {word} to {word} succeeds")
    public void withinSecondsAPingSucceeds(int seconds, String from, String to) {
        untilPing(seconds, from, to, PingOutcome::succeeded, "succeed");
    }

    private void untilPing(int seconds, String from, String to, java.util.function.Predicate<PingOutcome> wanted,
                           String what) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        PingOutcome ping;
        do {
            ping = ping(from, to, 84, false);
            world.recordPing(ping);
            if (wanted.test(ping)) {
                return;
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("within " + seconds + " s, a ping from " + from + " to " + to + " did not " + what
                + "; the last one: " + ping.describe());
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
        assertThat(ping.result().stdout() + ping.result().stderr()).as(ping.describe()).contains(message);
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

    /** Starts a capture at every point, runs the traffic, stops them all and keeps the pcaps. */
    private void capturing(String pointList, Runnable traffic) {
        Map<String, Capture> running = new LinkedHashMap<>();
        try {
            for (String point : points(pointList)) {
                running.put(point, world.topology().capture(point, ""));
            }
            traffic.run();
        } finally {
            for (Map.Entry<String, Capture> capture : running.entrySet()) {
                Path pcap = capture.getValue().stop();
                world.captures().put(capture.getKey(), pcap);
            }
        }
    }

    /** "a, b and c" → [a, b, c]. */
    static List<String> points(String list) {
        return Arrays.stream(list.split(",| and ")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
