package org.flannel.harness.steps;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Then;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import org.flannel.harness.kernel.KernelReader;
import org.flannel.harness.kernel.RouteRow;
import org.flannel.harness.topology.Node;

/**
 * What the {@code @scale} features read in every node's kernel: a route whose destination is exactly a peer's
 * subnet (vxlan's via flannel.1, host-gw's via the peer's address, DirectRouting's via the peer's address), or its
 * absence. The nodes are those whose flanneld runs; each node's table is read again (up to {@value #PARALLEL_READS}
 * at a time) until it holds what is asked or the scenario's bound runs out.
 */
public final class ScaleRoutingSteps {
    private static final Duration POLL = Duration.ofMillis(250);
    /** Tables read at a time: on Docker a read is an exec of about 50 ms, and 100 of them in a row take the bound. */
    static final int PARALLEL_READS = 8;

    private final ScenarioWorld world;
    private final ScaleCluster cluster;
    private final FlanneldSteps flanneld;

    public ScaleRoutingSteps(ScenarioWorld world, ScaleCluster cluster, FlanneldSteps flanneld) {
        this.world = world;
        this.cluster = cluster;
        this.flanneld = flanneld;
    }

    /** "through flannel.1" (vxlan) or "via that node" (host-gw): the way each route must go, not only its destination. */
    @ParameterType(name = "routeWay", value = PeerRouteWay.PHRASES)
    public PeerRouteWay routeWay(String phrase) {
        return PeerRouteWay.of(phrase);
    }

    @Then("within {int} seconds every node routes every other node's subnet {routeWay}")
    public void everyNodeRoutesEveryOtherNodesSubnet(int seconds, PeerRouteWay way) {
        awaitEveryPeerRouted(seconds, "routes every other node's subnet " + way, (node, peer) -> way);
    }

    /**
     * DirectRouting across two segments: a peer on the node's own segment by a route via the peer's address on eth0,
     * any other through flannel.1 (via the peer's subnet address, onlink).
     */
    @Then(
            "within {int} seconds every node routes its own segment's subnets via their node and the others' through flannel.1")
    public void everyNodeRoutesDirectlyOrThroughVxlan(int seconds) {
        awaitEveryPeerRouted(
                seconds,
                "routes its own segment's subnets via their node and the others' through flannel.1",
                (node, peer) -> cluster.segmentOf(peer).equals(cluster.segmentOf(node))
                        ? PeerRouteWay.VIA_THE_NODE
                        : PeerRouteWay.THROUGH_VXLAN);
    }

    /** Every running node routes every other running node's subnet, each the way {@code wayTo} says. */
    private void awaitEveryPeerRouted(int seconds, String what, BiFunction<String, String, PeerRouteWay> wayTo) {
        Map<String, String> subnets = subnetsOfRunningNodes();
        Map<String, String> nodeOfSubnet = new LinkedHashMap<>();
        subnets.forEach((node, subnet) -> nodeOfSubnet.put(subnet, node));
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        subnets.forEach((node, own) -> {
            Set<String> others = new TreeSet<>(subnets.values());
            others.remove(own);
            wanted.put(node, others);
        });
        await(seconds, wanted, what, (node, routes, subnet) -> {
            String peer = nodeOfSubnet.get(subnet);
            return wayTo.apply(node, peer)
                    .matches(routes.get(subnet), world.node(peer).address(), subnet);
        });
    }

    @Then("within {int} seconds every node routes the spare node's subnet {routeWay}")
    public void everyNodeRoutesTheSparesSubnet(int seconds, PeerRouteWay way) {
        String spare = cluster.spare().orElseThrow();
        String subnet = flanneld.subnetOf(spare);
        await(
                seconds,
                othersWant(spare, subnet),
                "routes " + spare + "'s subnet " + subnet + " " + way,
                (node, routes, wanted) ->
                        way.matches(routes.get(wanted), world.node(spare).address(), wanted));
    }

    @Then("within {int} seconds no other node routes the last node's subnet")
    public void noOtherNodeRoutesTheLastNodesSubnet(int seconds) {
        String last = cluster.last();
        String subnet = flanneld.subnetOf(last);
        await(
                seconds,
                othersWant(last, subnet),
                "has no route left to " + last + "'s subnet " + subnet,
                (node, routes, gone) -> !routes.containsKey(gone));
    }

    /** Every running node but {@code node}, each asked about {@code subnet}. */
    private Map<String, Set<String>> othersWant(String node, String subnet) {
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        for (String other : world.agents().keySet()) {
            if (!other.equals(node)) {
                wanted.put(other, new TreeSet<>(Set.of(subnet)));
            }
        }
        return wanted;
    }

    /** Node → its subnet (from its subnet file), for every node whose flanneld runs. */
    private Map<String, String> subnetsOfRunningNodes() {
        Map<String, String> subnets = new LinkedHashMap<>();
        for (String node : world.agents().keySet()) {
            subnets.put(node, flanneld.subnetOf(node));
        }
        return subnets;
    }

    /**
     * Reads each node's table until, for every subnet asked of it, {@code holds(destinations, subnet)}; a node that
     * holds all is not read again. Fails after the bound naming each node still short and what it lacks.
     */
    private void await(int seconds, Map<String, Set<String>> wanted, String what, Holds holds) {
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(seconds).toNanos();
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        wanted.forEach((node, subnets) -> missing.put(node, new TreeSet<>(subnets)));
        int reads = 0;
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_READS);
        try {
            while (true) {
                List<String> nodes = List.copyOf(missing.keySet());
                List<CompletableFuture<Map<String, RouteRow>>> tables = new ArrayList<>();
                for (String node : nodes) {
                    tables.add(CompletableFuture.supplyAsync(() -> routesByNetwork(world.node(node)), pool));
                }
                for (int i = 0; i < nodes.size(); i++) {
                    String node = nodes.get(i);
                    Map<String, RouteRow> routes = join(tables.get(i));
                    reads++;
                    missing.get(node).removeIf(subnet -> holds.test(node, routes, subnet));
                    if (missing.get(node).isEmpty()) {
                        missing.remove(node);
                    }
                }
                if (missing.isEmpty() || System.nanoTime() > deadline) {
                    break;
                }
                sleep();
            }
        } finally {
            pool.shutdownNow();
        }
        double took = (System.nanoTime() - started) / 1e9;
        if (!missing.isEmpty()) {
            StringBuilder message = new StringBuilder(String.format(
                    "after %d s, %d of %d nodes still not: each %s (%d table reads). Short:",
                    seconds, missing.size(), wanted.size(), what, reads));
            missing.forEach((node, subnets) -> message.append("\n  ")
                    .append(node)
                    .append(": ")
                    .append(subnets.size())
                    .append(" of ")
                    .append(wanted.get(node).size())
                    .append(' ')
                    .append(subnets));
            throw new AssertionError(message.toString());
        }
        String said = String.format("all %d nodes: each %s, %.1f s into the step", wanted.size(), what, took);
        world.note(said);
    }

    /** A node's main IPv4 table, read by the harness's one kernel reader, by destination network. */
    private static Map<String, RouteRow> routesByNetwork(Node node) {
        Map<String, RouteRow> routes = new LinkedHashMap<>();
        new KernelReader(node).routes().forEach(route -> routes.put(route.network(), route));
        return routes;
    }

    /** Whether a node's routes (destination network → its route) hold what is asked about one subnet. */
    @FunctionalInterface
    private interface Holds {
        boolean test(String node, Map<String, RouteRow> routes, String subnet);
    }

    /** A read's failure as it was thrown (an AssertionError naming the node), not wrapped. */
    private static <T> T join(CompletableFuture<T> table) {
        try {
            return table.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading the nodes' routing tables");
        }
    }
}
