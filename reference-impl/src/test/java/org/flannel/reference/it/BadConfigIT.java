package org.flannel.reference.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.flannel.reference.it.Agents.ipJson;

import java.time.Duration;
import java.util.stream.Stream;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.Node;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologySpec;
import org.flannel.harness.topology.netns.NetnsDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bad network config: the agent says why (Flannel's message where Flannel has one), makes no device
 * and no lease, keeps polling, and comes up as soon as the config is fixed.
 */
class BadConfigIT {
    private static Topology topology;
    private static Agents agents;
    private static Node node;

    @BeforeAll
    static void createTopology() {
        topology = new NetnsDriver()
                .create(TopologySpec.builder()
                        .segment("underlay", "10.168.0.0/24")
                        .node("node1", "underlay", "10.168.0.2")
                        .etcd("underlay", "10.168.0.10")
                        .build());
        agents = new Agents(topology);
        node = topology.node("node1");
    }

    @AfterAll
    static void destroyTopology() {
        if (topology != null) {
            topology.close();
        }
    }

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                Arguments.of(
                        "not JSON",
                        "this is not json",
                        "Couldn't fetch network config: invalid character 'h' in literal true (expecting 'r')"),
                Arguments.of(
                        "no Network",
                        "{\"Backend\":{\"Type\":\"vxlan\"}}",
                        "please define a correct Network parameter in the flannel config"),
                Arguments.of(
                        "SubnetLen 31",
                        "{\"Network\":\"10.1.0.0/16\",\"SubnetLen\":31,\"Backend\":{\"Type\":\"vxlan\"}}",
                        "SubnetLen must be less than /31"),
                Arguments.of(
                        "unknown backend",
                        "{\"Network\":\"10.1.0.0/16\",\"Backend\":{\"Type\":\"carrier-pigeon\"}}",
                        "unknown backend type: carrier-pigeon"),
                Arguments.of(
                        "VNI over 24 bits",
                        "{\"Network\":\"10.1.0.0/16\",\"Backend\":{\"Type\":\"vxlan\",\"VNI\":16777216}}",
                        "Backend.VNI 16777216 is out of range"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void aBadConfigIsReportedAndNothingIsCreatedUntilItIsFixed(String name, String config, String message) {
        topology.etcd().put(Agents.PREFIX + "/config", config);
        ManagedProcess agent = agents.start(node);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> agent.logs().contains(message));
            // It keeps polling: the message comes again a second later, and the agent is still alive.
            int seen = count(agent.logs(), message);
            await().atMost(Duration.ofSeconds(5)).until(() -> count(agent.logs(), message) > seen);
            assertThat(agent.isAlive()).isTrue();
            assertThat(ipJson(node, "link", "show", "type", "vxlan")).isEmpty();
            assertThat(topology.etcd().getPrefix(Agents.PREFIX + "/subnets/")).isEmpty();

            topology.etcd().put(Agents.PREFIX + "/config", VxlanTwoNodesIT.CONFIG);
            agents.awaitReady(node, agent);
            assertThat(ipJson(node, "link", "show", "dev", "flannel.1")).hasSize(1);
            assertThat(topology.etcd().getPrefix(Agents.PREFIX + "/subnets/")).hasSize(1);
        } finally {
            agent.stop(Duration.ofSeconds(5));
            // Leave the node as the next case expects it: no device, no lease, no subnet file.
            node.exec("ip", "link", "delete", "flannel.1");
            topology.etcd().deletePrefix(Agents.PREFIX + "/subnets/");
            agents.subnetFile(node).toFile().delete();
        }
    }

    @Test
    void aMissingConfigIsReportedWithFlannelsHintAndTheAgentIsAliveButNotReady() {
        topology.etcd().delete(Agents.PREFIX + "/config");
        ManagedProcess agent = agents.start(node, "--healthz-port=8471", "--healthz-ip=127.0.0.1");
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> agent.logs()
                    .contains("flannel config not found in etcd store. Did you create your config using etcdv3 API?"));
            assertThat(agent.isAlive()).isTrue();
            assertThat(ipJson(node, "link", "show", "type", "vxlan")).isEmpty();
            assertThat(http(node, "/healthz")).isEqualTo("200 flanneld is running");
            assertThat(http(node, "/readyz")).isEqualTo("503 flanneld is not ready yet");

            topology.etcd().put(Agents.PREFIX + "/config", VxlanTwoNodesIT.CONFIG);
            agents.awaitReady(node, agent);
            assertThat(http(node, "/readyz")).isEqualTo("200 flanneld is ready");
        } finally {
            agent.stop(Duration.ofSeconds(5));
            node.exec("ip", "link", "delete", "flannel.1");
            topology.etcd().deletePrefix(Agents.PREFIX + "/subnets/");
            agents.subnetFile(node).toFile().delete();
        }
    }

    /** "<status> <body>" of a GET from inside the node. */
    private static String http(Node node, String path) {
        String out = node.exec("curl", "-s", "-w", " %{http_code}", "http://127.0.0.1:8471" + path)
                .orThrow()
                .stdout();
        int space = out.lastIndexOf(' ');
        return out.substring(space + 1) + " " + out.substring(0, space);
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
