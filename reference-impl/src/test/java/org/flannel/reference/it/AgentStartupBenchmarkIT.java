package org.flannel.reference.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.Node;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologySpec;
import org.flannel.harness.topology.netns.NetnsDriver;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a timed test: prints how long the reference agent takes from launch to a written
 * subnet file, and its resident memory once running. It asserts only that the agent came up.
 */
class AgentStartupBenchmarkIT {
    private static final int RUNS = 3;

    @Test
    void printLaunchToSubnetFileTimeAndResidentMemory() throws Exception {
        try (Topology topology = new NetnsDriver()
                .create(TopologySpec.builder()
                        .segment("underlay", "10.168.0.0/24")
                        .node("node1", "underlay", "10.168.0.2")
                        .etcd("underlay", "10.168.0.10")
                        .build())) {
            topology.etcd().put(Agents.PREFIX + "/config", VxlanTwoNodesIT.CONFIG);
            Agents agents = new Agents(topology);
            Node node = topology.node("node1");
            List<Long> millis = new ArrayList<>();
            List<Long> rssKib = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                Files.deleteIfExists(agents.subnetFile(node));
                long start = System.nanoTime();
                ManagedProcess agent = agents.start(node);
                agents.awaitReady(node, agent);
                millis.add((System.nanoTime() - start) / 1_000_000);
                Thread.sleep(2000); // settled: watching leases, nothing else to do
                rssKib.add(residentKib(agent.pid()));
                assertThat(agent.stop(Duration.ofSeconds(10))).isZero();
            }
            System.out.printf(
                    "BENCHMARK reference flanneld: launch -> subnet.env %s ms (runs: %s), "
                            + "resident memory %s KiB (runs: %s)%n",
                    median(millis), millis, median(rssKib), rssKib);
        }
    }

    private static long residentKib(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new AssertionError("no VmRSS for pid " + pid);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
