package org.flannel.harness.steps;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.When;
import java.time.Duration;
import org.flannel.harness.topology.Command;
import org.flannel.harness.topology.ExecResult;

/**
 * Datagrams no flanneld sent, aimed at a node's udp port: bounded in rate (at most 5,000 a second), time (at most
 * 10 s) and count, sent by a host of the scenario's own topology to another of its hosts.
 */
public final class DatagramSteps {
    private static final int MAX_RATE = 5_000;
    private static final int MAX_SECONDS = 10;
    private final ScenarioWorld world;

    public DatagramSteps(ScenarioWorld world) {
        this.world = world;
    }

    /** random bytes: 1 to 200 of them; truncated IPv4 headers: a 12-byte start of an IPv4 header. */
    @ParameterType(name = "junk", value = "random bytes|truncated IPv4 headers")
    public String junk(String kind) {
        return kind;
    }

    @When("{word} sends {int} datagrams of {junk} a second for {int} seconds to {word} port {int}")
    public void sendsDatagrams(String from, int rate, String kind, int seconds, String to, int port) {
        if (rate < 1 || rate > MAX_RATE || seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("send 1 to " + MAX_RATE + " datagrams a second for 1 to " + MAX_SECONDS
                    + " seconds, not " + rate + " for " + seconds);
        }
        String address = world.node(to).address();
        ExecResult result = world.host(from)
                .exec(Command.of(
                                "python3",
                                "-c",
                                SENDER,
                                address,
                                Integer.toString(port),
                                Integer.toString(rate),
                                Integer.toString(seconds),
                                kind.startsWith("random") ? "random" : "truncated")
                        .withTimeout(Duration.ofSeconds(seconds + 10L)));
        result.orThrow();
        world.scenario()
                .log(from + " sent " + result.stdout().strip() + " datagrams of " + kind + " to " + address + ":"
                        + port);
    }

    /** Paced in 10 ms slices, so that the rate holds without a busy loop; stops at its count or its time. */
    private static final String SENDER = """
            import os, random, socket, sys, time
            host, port, rate, seconds, kind = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
            sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            total, sent, start = rate * seconds, 0, time.monotonic()
            while sent < total and time.monotonic() - start < seconds + 1:
                due = min(total, int((time.monotonic() - start) * rate) + 1)
                while sent < due:
                    if kind == "random":
                        payload = os.urandom(random.randint(1, 200))
                    else:
                        payload = bytes([0x45, 0x00, 0x00, 0x54]) + os.urandom(8)
                    sock.sendto(payload, (host, port))
                    sent += 1
                time.sleep(0.01)
            print(sent)
            """;
}
