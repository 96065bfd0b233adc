package org.flannel.harness.steps;

import org.flannel.harness.topology.ExecResult;

/** One run of ping: what was asked (size of the IP packet, DF) and what ping answered. */
record PingOutcome(String from, String to, int ipPacketSize, boolean dontFragment, ExecResult result) {

    boolean succeeded() {
        return result.exitCode() == 0;
    }

    String describe() {
        return "ping from " + from + " to " + to + " (" + ipPacketSize + "-byte IP packets" + (dontFragment ? ", DF" : "")
                + ") exited " + result.exitCode() + "\nstdout:\n" + result.stdout() + "\nstderr:\n" + result.stderr();
    }
}
