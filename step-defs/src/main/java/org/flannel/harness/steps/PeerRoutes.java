package org.flannel.harness.steps;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.flannel.harness.topology.ExecResult;
import org.flannel.harness.topology.Node;

/** Whether a node routes an address of a peer's subnet by a route of its own rather than its default. */
final class PeerRoutes {
    private PeerRoutes() {}

    /** Waits until node1 routes node2's subnet and node2 node1's; prints how long, or that it gave up. */
    static void awaitEachOther(Node node1, String subnet1, Node node2, String subnet2, Duration limit) {
        String address1 = subnet1.split("/")[0];
        String address2 = subnet2.split("/")[0];
        long started = System.nanoTime();
        try {
            Awaitility.await()
                    .atMost(limit)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> routes(node1, address2) && routes(node2, address1));
        } catch (ConditionTimeoutException e) {
            System.out.printf(
                    "    (after %d s %s and %s still do not both route each other's subnet;"
                            + " the scenario goes on and its checks will tell)%n",
                    limit.toSeconds(), node1.name(), node2.name());
            return;
        }
        long waited = (System.nanoTime() - started) / 1_000_000;
        if (waited > 200) {
            System.out.printf(
                    "    (%s and %s routed each other's subnet %d ms after both were ready)%n",
                    node1.name(), node2.name(), waited);
        }
    }

    /** A route other than the default one matches the address (the vxlan, udp or host-gw route). */
    static boolean routes(Node node, String address) {
        ExecResult result = node.exec("ip", "-4", "route", "show", "match", address);
        return result.succeeded()
                && result.stdout().lines().anyMatch(line -> !line.isBlank() && !line.startsWith("default"));
    }
}
