package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flannel.harness.topology.ExecResult;
import org.junit.jupiter.api.Test;

/** What iputils' ping prints and exits with, in the cases the steps tell apart. */
class PingOutcomeTest {
    @Test
    void noReplyAtAllIsAFailureWithNoAnswer() {
        PingOutcome ping = ping(1, "1 packets transmitted, 0 received, 100% packet loss, time 0ms\n", "");
        assertThat(ping.succeeded()).isFalse();
        assertThat(ping.leftAndGotNoAnswer()).isTrue();
        assertThat(ping.leftAndFailedWith("100% packet loss")).isTrue();
    }

    @Test
    void anIcmpErrorIsAnAnswerNamedByItsMessage() {
        PingOutcome ping = ping(
                1,
                "From 10.1.15.0 icmp_seq=1 Destination Net Unreachable\n\n"
                        + "1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n",
                "");
        assertThat(ping.leftAndGotNoAnswer()).as("an ICMP error came back").isFalse();
        assertThat(ping.leftAndFailedWith("Destination Net Unreachable")).isTrue();
        assertThat(ping.leftAndFailedWith("Destination Host Unreachable")).isFalse();
    }

    @Test
    void aLocalErrorNeverCountsAsAPacketThatGotNoAnswer() {
        PingOutcome ping = ping(2, "", "ping: connect: Network is unreachable\n");
        assertThat(ping.leftAndGotNoAnswer()).isFalse();
        assertThat(ping.leftAndFailedWith("unreachable")).isFalse();
        assertThat(ping.describe()).contains("never left container-1");
    }

    @Test
    void aReplyIsASuccess() {
        PingOutcome ping = ping(0, "1 packets transmitted, 1 received, 0% packet loss, time 0ms\n", "");
        assertThat(ping.succeeded()).isTrue();
        assertThat(ping.leftAndGotNoAnswer()).isFalse();
    }

    private static PingOutcome ping(int exit, String stdout, String stderr) {
        return new PingOutcome(
                "container-1",
                "10.1.16.3",
                84,
                false,
                new ExecResult("container-1", List.of("ping"), exit, stdout, stderr));
    }
}
