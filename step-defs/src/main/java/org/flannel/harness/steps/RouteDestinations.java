package org.flannel.harness.steps;

import java.util.LinkedHashMap;
import java.util.Map;
import org.flannel.harness.topology.ExecResult;
import org.flannel.harness.topology.Node;

/**
 * A node's IPv4 routes in its main table by destination, as the kernel lists them: 10.1.16.0/24 → "via 10.1.16.0 dev
 * flannel.1 onlink" (the rest of the line, spaces collapsed).
 */
final class RouteDestinations {
    private RouteDestinations() {}

    /** Read from the kernel; a failed read fails the step, naming the node. */
    static Map<String, String> of(Node node) {
        ExecResult result = node.exec("ip", "-4", "route", "show", "table", "main");
        if (!result.succeeded()) {
            throw new AssertionError("cannot read " + node.name() + "'s routing table: "
                    + result.stderr().strip());
        }
        return parse(result.stdout());
    }

    /** "10.1.16.0/24 via 10.1.16.0 dev flannel.1 onlink" gives 10.1.16.0/24 → "via 10.1.16.0 dev flannel.1 onlink". */
    static Map<String, String> parse(String ipRouteShow) {
        Map<String, String> routes = new LinkedHashMap<>();
        ipRouteShow.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
            String[] words = line.split("\\s+", 2);
            routes.put(words[0], words.length > 1 ? words[1].replaceAll("\\s+", " ") : "");
        });
        return routes;
    }
}
