package org.flannel.harness.steps;

import io.cucumber.java.en.Given;
import org.flannel.harness.run.Implementations;
import org.flannel.harness.run.RunSettings;
import org.flannel.harness.topology.TopologyDriver;
import org.flannel.harness.topology.TopologyDrivers;
import org.flannel.harness.topology.TopologySpec;

/**
 * The {@code @scale} features' topologies: N nodes, N from the run's settings; the scenario's log, its
 * topology.json and the console line (which adds "[N=..]" to a {@code @scale} scenario's name) say which N ran.
 */
public final class ScaleTopologySteps {
    private final ScenarioWorld world;
    private final ScaleCluster cluster;
    private final RunSettings settings;
    private final Implementations implementations;

    public ScaleTopologySteps(
            ScenarioWorld world, ScaleCluster cluster, RunSettings settings, Implementations implementations) {
        this.world = world;
        this.cluster = cluster;
        this.settings = settings;
        this.implementations = implementations;
    }

    @Given("N nodes on one underlay")
    public void nodesOnOneUnderlay() {
        build(cluster.oneUnderlay(false), "on one underlay, 10.168.0.0/16");
    }

    @Given("N nodes and a spare node on one underlay")
    public void nodesAndASpareNodeOnOneUnderlay() {
        build(
                cluster.oneUnderlay(true),
                "and a spare node, " + cluster.spare().orElseThrow() + ", on one underlay, 10.168.0.0/16");
    }

    @Given("N nodes on two segments behind a router")
    public void nodesOnTwoSegmentsBehindARouter() {
        build(
                cluster.twoSegments(),
                "on two segments behind a router: odd ones on 10.168.0.0/16, even ones on 10.169.0.0/16");
    }

    private void build(TopologySpec spec, String where) {
        world.scenario()
                .log("N = " + cluster.size() + " nodes (-D" + RunSettings.SCALE_NODES + ", default "
                        + RunSettings.DEFAULT_SCALE_NODES + "), " + where);
        JsonEvidence.attach(world.scenario(), "topology.json", JsonEvidence.topology(spec));
        TopologyDriver driver = TopologyDrivers.create(settings.topology(), implementations.directories());
        long started = System.nanoTime();
        world.topology(driver.create(spec));
        System.out.printf(
                "    (%d nodes %s: built in %d ms)%n",
                cluster.size(), where, (System.nanoTime() - started) / 1_000_000);
    }
}
