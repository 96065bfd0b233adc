package org.flannel.harness.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.flannel.harness.topology.Container;
import org.flannel.harness.topology.ExecResult;

/**
 * Pods at scale: one per node, at the second address of its node's subnet, and echo requests between them: one per
 * pair asked for, answered within 1 s or not, and again for a pair left unanswered until the scenario's bound. A
 * pod's requests go one after the other; up to {@value #PARALLEL_PODS} pods ping at a time.
 */
public final class ScalePingSteps {
    static final int PARALLEL_PODS = 8;

    /** One request, ping's exit status: 0 answered, 1 sent and unanswered, anything else ping could not send it. */
    record Echo(Container source, String to, int status) {
        boolean answered() {
            return status == 0;
        }

        String describe() {
            return source.name() + " (" + source.address() + ") -> " + to + ": "
                    + (status == 1 ? "sent, no answer within 1 s" : "ping could not send it (exit " + status + ")");
        }
    }

    /** Pings each address once, in order, printing "ADDRESS STATUS" per request. */
    private static final String PING_EACH = "for a in \"$@\"; do if ping -n -q -c 1 -W 1 \"$a\" >/dev/null 2>&1;"
            + " then echo \"$a 0\"; else echo \"$a $?\"; fi; done";

    private final ScenarioWorld world;
    private final ScaleCluster cluster;
    private final Map<String, Container> pods = new LinkedHashMap<>();

    public ScalePingSteps(ScenarioWorld world, ScaleCluster cluster) {
        this.world = world;
        this.cluster = cluster;
    }

    @Given("a pod on every node")
    public void aPodOnEveryNode() {
        for (String node : world.agents().keySet()) {
            attach(node);
        }
    }

    @Given("a pod on the spare node")
    public void aPodOnTheSpareNode() {
        attach(cluster.spare().orElseThrow());
    }

    @Then("within {int} seconds the pod on node1 gets an answer from every other pod")
    public void withinSecondsThePodOnNode1GetsAnAnswerFromEveryOtherPod(int seconds) {
        awaitAnswers(seconds, List.of(pod(ScaleCluster.name(1))));
    }

    @Then("within {int} seconds every pod gets an answer from every other pod")
    public void withinSecondsEveryPodGetsAnAnswerFromEveryOtherPod(int seconds) {
        awaitAnswers(seconds, List.copyOf(pods.values()));
    }

    /**
     * Each source pings every other pod once; a pair left unanswered is pinged again, once a round, until every
     * pair has had an answer or the bound has passed (a round already begun ends first). Fails naming the pairs
     * whose last request went unanswered and how.
     */
    private void awaitAnswers(int seconds, List<Container> sources) {
        long started = System.nanoTime();
        long deadline = started + java.time.Duration.ofSeconds(seconds).toNanos();
        Map<Container, List<String>> pending = new LinkedHashMap<>();
        for (Container source : sources) {
            pending.put(
                    source,
                    pods.values().stream()
                            .filter(pod -> pod != source)
                            .map(Container::address)
                            .toList());
        }
        int pairs = pending.values().stream().mapToInt(List::size).sum();
        int sent = 0;
        int rounds = 0;
        List<Echo> lost;
        do {
            List<Echo> round = pingRound(pending);
            rounds++;
            sent += round.size();
            lost = round.stream().filter(echo -> !echo.answered()).toList();
            pending.clear();
            for (Echo echo : lost) {
                pending.computeIfAbsent(echo.source(), source -> new ArrayList<>())
                        .add(echo.to());
            }
        } while (!lost.isEmpty() && System.nanoTime() < deadline);
        String said = String.format(
                "%d pairs from %d pods: %d answered, %d echo requests in %d rounds, %.1f s",
                pairs, sources.size(), pairs - lost.size(), sent, rounds, (System.nanoTime() - started) / 1e9);
        world.note(said);
        if (!lost.isEmpty()) {
            StringBuilder message = new StringBuilder("after " + seconds + " s, " + lost.size() + " of " + pairs
                    + " pairs never got an answer (" + said + "); their last requests:");
            lost.stream().limit(40).forEach(echo -> message.append("\n  ").append(echo.describe()));
            if (lost.size() > 40) {
                message.append("\n  ... and ").append(lost.size() - 40).append(" more");
            }
            throw new AssertionError(message.toString());
        }
    }

    private void attach(String node) {
        String subnet = SubnetFileText.subnet(world.agent(node).subnetFile())
                .orElseThrow(() -> new AssertionError(node + "'s subnet file has no FLANNEL_SUBNET"));
        String[] octets = subnet.split("/")[0].split("\\.");
        String address = octets[0] + "." + octets[1] + "." + octets[2] + ".2";
        pods.put(
                node,
                world.topology()
                        .addContainer("pod-" + node, node, world.agent(node).subnetFile(), address));
    }

    private Container pod(String node) {
        Container pod = pods.get(node);
        if (pod == null) {
            throw new IllegalStateException("no pod on " + node + ": \"Given a pod on every node\" first");
        }
        return pod;
    }

    /** Each source pings its addresses once each, in order; up to {@value #PARALLEL_PODS} sources at a time. */
    private List<Echo> pingRound(Map<Container, List<String>> pending) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_PODS);
        try {
            List<CompletableFuture<List<Echo>>> runs = new ArrayList<>();
            pending.forEach((source, addresses) ->
                    runs.add(CompletableFuture.supplyAsync(() -> pingEach(source, addresses), pool)));
            List<Echo> echoes = new ArrayList<>();
            runs.forEach(run -> echoes.addAll(run.join()));
            return echoes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Echo> pingEach(Container source, List<String> addresses) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", PING_EACH, "sh"));
        argv.addAll(addresses);
        ExecResult result = source.exec(argv);
        List<Echo> seen = new ArrayList<>();
        result.stdout().lines().map(line -> line.strip().split(" ")).forEach(fields -> {
            if (fields.length == 2) {
                seen.add(new Echo(source, fields[0], Integer.parseInt(fields[1])));
            }
        });
        if (seen.size() != addresses.size()) {
            throw new AssertionError("the pings from " + source.name() + " reported " + seen.size() + " of "
                    + addresses.size() + " requests: " + result.stdout() + result.stderr());
        }
        return seen;
    }
}
