package org.flannel.harness.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flannel.harness.impl.Agent;
import org.flannel.harness.kernel.KernelReader;
import org.flannel.harness.topology.Host;
import org.flannel.harness.topology.Topology;

/**
 * Around every scenario: remember it (for attachments); afterwards attach the evidence (captures,
 * agents' logs, kernel tables, etcd's leases) and destroy everything, also when it failed.
 */
public final class Hooks {
    private static final String PCAP = "application/vnd.tcpdump.pcap";
    private final ScenarioWorld world;

    public Hooks(ScenarioWorld world) {
        this.world = world;
    }

    @Before(order = 0)
    public void begin(Scenario scenario) {
        world.begin(scenario);
    }

    @After(order = 0)
    public void attachEvidenceAndCleanUp(Scenario scenario) {
        try {
            stopCapturesStillRunning();
            world.topologyIfAny().ifPresent(topology -> attachEvidence(scenario, topology));
        } finally {
            for (Agent agent : world.agents().values()) {
                agent.process().stop(Duration.ofSeconds(5));
            }
            world.topologyIfAny().ifPresent(Topology::close);
        }
    }

    /** A scenario that failed before its first outcome step left its captures running. */
    private void stopCapturesStillRunning() {
        try {
            world.stopCaptures();
        } catch (RuntimeException e) {
            world.scenario().log("a capture could not be stopped: " + e.getMessage());
        }
    }

    private void attachEvidence(Scenario scenario, Topology topology) {
        for (Map.Entry<String, Path> capture : world.captures().entrySet()) {
            attachFile(scenario, capture.getValue(), PCAP, capture.getKey().replace(':', '-') + ".pcap");
        }
        for (Agent agent : world.stoppedAgents()) {
            scenario.attach(
                    agent.logWithHeader(),
                    "text/plain",
                    "flanneld on " + agent.node().name() + agent.roleSuffix() + " (earlier run).log");
        }
        for (Map.Entry<String, Agent> agent : world.agents().entrySet()) {
            scenario.attach(
                    agent.getValue().logWithHeader(),
                    "text/plain",
                    "flanneld on " + agent.getKey() + agent.getValue().roleSuffix() + ".log");
        }
        List<Host> hosts = new ArrayList<>(topology.nodes());
        hosts.addAll(topology.routers());
        for (Host host : hosts) {
            try {
                scenario.attach(new KernelReader(host).dump(), "text/plain", host.name() + " kernel state.txt");
            } catch (RuntimeException e) {
                scenario.attach("cannot read: " + e.getMessage(), "text/plain", host.name() + " kernel state.txt");
            }
        }
        try {
            StringBuilder leases = new StringBuilder();
            topology.etcd()
                    .getPrefix("/")
                    .forEach((key, value) ->
                            leases.append(key).append('\n').append(value).append("\n\n"));
            scenario.attach(leases.toString(), "text/plain", "etcd keys.txt");
        } catch (RuntimeException e) {
            scenario.attach("cannot read etcd: " + e.getMessage(), "text/plain", "etcd.txt");
        }
    }

    private static void attachFile(Scenario scenario, Path file, String mediaType, String name) {
        try {
            scenario.attach(Files.readAllBytes(file), mediaType, name);
        } catch (IOException e) {
            scenario.attach(
                    ("cannot read " + file + ": " + e.getMessage()).getBytes(StandardCharsets.UTF_8),
                    "text/plain",
                    name + ".error.txt");
        }
    }
}
