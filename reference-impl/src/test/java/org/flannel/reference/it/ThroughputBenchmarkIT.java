package org.flannel.reference.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.flannel.harness.topology.Container;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.Node;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologySpec;
import org.flannel.harness.topology.netns.NetnsDriver;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a timed test: iperf3 TCP between two pods over vxlan, then over udp, on the same
 * two-node topology shape in the same run; prints both, their ratio, and for udp an iperf3 UDP run at
 * the rate TCP reached (lost and out-of-order datagrams) plus the agents' own counters. It asserts only
 * that traffic flowed.
 */
class ThroughputBenchmarkIT {
    private static final int SECONDS = 5;

    @Test
    void printTcpThroughputOverVxlanAndUdp() {
        Map<String, Double> gbits = new LinkedHashMap<>();
        for (String backend : new String[] {"vxlan", "udp"}) {
            try (Topology topology = new NetnsDriver()
                    .create(TopologySpec.builder()
                            .segment("underlay", "10.168.0.0/24")
                            .node("node1", "underlay", "10.168.0.2")
                            .node("node2", "underlay", "10.168.0.3")
                            .etcd("underlay", "10.168.0.10")
                            .build())) {
                topology.etcd()
                        .put(
                                Agents.PREFIX + "/config",
                                "{\"Network\":\"10.1.0.0/16\",\"SubnetMin\":\"10.1.15.0\","
                                        + "\"SubnetMax\":\"10.1.16.0\",\"Backend\":{\"Type\":\"" + backend + "\"}}");
                Agents agents = new Agents(topology);
                Node node1 = topology.node("node1");
                Node node2 = topology.node("node2");
                ManagedProcess agent1 = agents.start(node1);
                agents.awaitReady(node1, agent1);
                ManagedProcess agent2 = agents.start(node2);
                agents.awaitReady(node2, agent2);
                Container client = topology.addContainer("container-1", "node1", agents.subnetFile(node1));
                Container server = topology.addContainer("container-2", "node2", agents.subnetFile(node2));
                client.exec("ping", "-c", "1", "-W", "5", server.address()).orThrow();

                double tcp = tcpGbits(client, server);
                gbits.put(backend, tcp);
                System.out.printf(
                        Locale.ROOT,
                        "BENCHMARK %s: iperf3 TCP container-1 -> container-2: %.2f Gbit/s%n",
                        backend,
                        tcp);
                if (backend.equals("udp")) {
                    printUdpLoss(client, server, tcp);
                    agent1.stop(Duration.ofSeconds(10));
                    agent2.stop(Duration.ofSeconds(10));
                    printCounters("node1", agent1.logs());
                    printCounters("node2", agent2.logs());
                }
                assertThat(tcp).as("%s carried TCP traffic", backend).isPositive();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK udp/vxlan throughput ratio: %.1f%% (target: at least 20%%)%n",
                100 * gbits.get("udp") / gbits.get("vxlan"));
    }

    private static double tcpGbits(Container client, Container server) {
        ManagedProcess iperf = server.start("iperf3-server", java.util.List.of("iperf3", "-s", "-1"));
        awaitListening(server);
        JsonNode result =
                Agents.json(client.exec("iperf3", "-c", server.address(), "-t", Integer.toString(SECONDS), "-J")
                        .orThrow()
                        .stdout());
        iperf.waitFor(Duration.ofSeconds(5));
        return result.path("end").path("sum_received").path("bits_per_second").asDouble() / 1e9;
    }

    private static void printUdpLoss(Container client, Container server, double gbits) {
        ManagedProcess iperf = server.start("iperf3-server-udp", java.util.List.of("iperf3", "-s", "-1"));
        awaitListening(server);
        String rate = Math.max(1, (long) (gbits * 1000)) + "M";
        JsonNode sum = Agents.json(
                        client.exec("iperf3", "-u", "-b", rate, "-l", "1400", "-c", server.address(), "-t", "3", "-J")
                                .orThrow()
                                .stdout())
                .path("end")
                .path("sum");
        iperf.waitFor(Duration.ofSeconds(5));
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK udp: iperf3 UDP at %s bit/s: %d of %d datagrams lost (%.2f%%), " + "%d out of order%n",
                rate,
                sum.path("lost_packets").asLong(),
                sum.path("packets").asLong(),
                sum.path("lost_percent").asDouble(),
                sum.path("out_of_order").asLong());
    }

    private static void awaitListening(Container server) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!server.exec("sh", "-c", "ss -ltn | grep -q ':5201 '").succeeded()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("iperf3 server did not listen within 5 s");
            }
        }
    }

    private static void printCounters(String node, String logs) {
        logs.lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).contains("counter")
                        || line.toLowerCase(Locale.ROOT).contains("dropped"))
                .forEach(line -> System.out.println("BENCHMARK udp agent on " + node + ": " + line));
    }
}
