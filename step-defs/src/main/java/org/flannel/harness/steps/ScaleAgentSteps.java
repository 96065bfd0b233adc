package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flannel.harness.impl.Agent;
import org.flannel.harness.impl.LeaseKeys;

/** The {@code @scale} features' agents: N started at once, the spare node joining, the last node's lease going. */
public final class ScaleAgentSteps {
    /** What any agent gets to become ready, and what each of the N adds (a JVM agent costs seconds of CPU). */
    static final Duration READY_BASE = Duration.ofSeconds(30);

    static final Duration READY_PER_NODE = Duration.ofSeconds(3);

    private final ScenarioWorld world;
    private final ScaleCluster cluster;
    private final FlanneldSteps flanneld;

    public ScaleAgentSteps(ScenarioWorld world, ScaleCluster cluster, FlanneldSteps flanneld) {
        this.world = world;
        this.cluster = cluster;
        this.flanneld = flanneld;
    }

    /** The readiness limit of a cold start of {@code nodes} agents: 30 s, and 3 s more per node. */
    static Duration readyLimit(int nodes) {
        return READY_BASE.plus(READY_PER_NODE.multipliedBy(nodes));
    }

    /**
     * A subnet file from a previous life on each of the N (not the spare): node k reuses 10.1.k.0/24. Without it the
     * N would draw their subnets at random at the same moment, and Flannel exits on a lost race (flannel-behaviour.md
     * §1.6): the scale features judge programming and reach, not that race.
     */
    @Given("node k remembers the subnet 10.1.k.0\\/24, for every k from 1 to N")
    public void everyNodeRemembersASubnetOfItsOwn() {
        for (int k = 1; k <= cluster.size(); k++) {
            flanneld.remember(ScaleCluster.name(k), "10.1." + k + ".0/24");
        }
    }

    /** A cold start: all N launched one right after the other, none waited for until all run; then all must be ready. */
    @Given("flanneld is started on all N nodes at once")
    public void flanneldIsStartedOnAllNodesAtOnce() {
        long started = System.nanoTime();
        List<Agent> agents = new ArrayList<>();
        for (String node : cluster.nodes()) {
            agents.add(flanneld.start(node));
        }
        Duration limit = readyLimit(cluster.size());
        long deadline = started + limit.toNanos();
        for (Agent agent : agents) {
            // each waits for what is left of the limit (at least a moment, so that a late one is named)
            agent.awaitReady(Duration.ofNanos(Math.max(deadline - System.nanoTime(), 100_000_000L)));
        }
        String took = String.format(
                "all %d agents ready %.1f s after the first was started (limit %d s)",
                cluster.size(), (System.nanoTime() - started) / 1e9, limit.toSeconds());
        world.note(took);
    }

    @When("flanneld starts on the spare node")
    public void flanneldStartsOnTheSpareNode() {
        flanneld.start(spare()).awaitReady(FlanneldSteps.READY_LIMIT);
    }

    /** Its owner is told its lease was revoked and may exit (Flannel does). */
    @When("the last node's lease is deleted from etcd")
    public void theLastNodesLeaseIsDeletedFromEtcd() {
        String subnet = flanneld.subnetOf(cluster.last());
        world.allowExit(cluster.last());
        assertThat(world.topology().etcd().delete(LeaseKeys.key(world.etcdPrefix(), subnet)))
                .as("the lease %s of %s existed", subnet, cluster.last())
                .isTrue();
    }

    private String spare() {
        return cluster.spare()
                .orElseThrow(
                        () -> new IllegalStateException(
                                "this scenario's topology has no spare node: use \"N nodes and a spare node on one underlay\""));
    }
}
