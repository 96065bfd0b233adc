package org.flannel.harness.steps;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flannel.harness.topology.ExecResult;

/** One run of ping: what was asked (size of the IP packet, DF) and what ping answered. */
record PingOutcome(String from, String to, int ipPacketSize, boolean dontFragment, ExecResult result) {
    /** iputils' statistics line: "1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms". */
    private static final Pattern STATISTICS =
            Pattern.compile("(\\d+) packets transmitted, (\\d+) received(?:, \\+(\\d+) errors)?");
    /** iputils exits 1 when no reply came, 2 on a local error (no route in the pod, a bad address...). */
    private static final int NO_REPLY = 1;

    boolean succeeded() {
        return result.exitCode() == 0;
    }

    /** The echo request left the pod (ping sent it) and nothing answered it: no reply, no ICMP error. */
    boolean leftAndGotNoAnswer() {
        return sentButNoReply() && errors() == 0;
    }

    /** The echo request left the pod and got no reply; ping's output names {@code message}. */
    boolean leftAndFailedWith(String message) {
        return sentButNoReply() && output().contains(message);
    }

    private boolean sentButNoReply() {
        Matcher statistics = STATISTICS.matcher(result.stdout());
        return result.exitCode() == NO_REPLY
                && statistics.find()
                && Integer.parseInt(statistics.group(1)) > 0
                && Integer.parseInt(statistics.group(2)) == 0;
    }

    private int errors() {
        Matcher statistics = STATISTICS.matcher(result.stdout());
        return statistics.find() && statistics.group(3) != null ? Integer.parseInt(statistics.group(3)) : 0;
    }

    String output() {
        return result.stdout() + result.stderr();
    }

    String describe() {
        return "ping from " + from + " to " + to + " (" + ipPacketSize + "-byte IP packets"
                + (dontFragment ? ", DF" : "")
                + ") exited " + result.exitCode()
                + (result.exitCode() == 2 ? " (a local error: the packet never left " + from + ")" : "") + "\nstdout:\n"
                + result.stdout() + "\nstderr:\n" + result.stderr();
    }
}
