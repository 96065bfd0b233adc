package org.flannel.reference.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.flannel.reference.it.Agents.bridgeJson;
import static org.flannel.reference.it.Agents.ipJson;
import static org.flannel.reference.it.Agents.leaseKey;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import org.flannel.harness.topology.Capture;
import org.flannel.harness.topology.Container;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.Node;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologySpec;
import org.flannel.harness.topology.netns.NetnsDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two reference agents on the seed's two nodes, judged from the kernel, etcd and the wire. */
class VxlanTwoNodesIT {
    /** SubnetMin/SubnetMax leave exactly the seed's two subnets. */
    static final String CONFIG = "{\"Network\":\"10.1.0.0/16\",\"SubnetMin\":\"10.1.15.0\",\"SubnetMax\":\"10.1.16.0\","
            + "\"Backend\":{\"Type\":\"vxlan\"}}";

    private Topology topology;
    private Agents agents;
    private Node node1;
    private Node node2;

    @BeforeEach
    void createTopology() {
        topology = new NetnsDriver()
                .create(TopologySpec.builder()
                        .segment("underlay", "10.168.0.0/24")
                        .node("node1", "underlay", "10.168.0.2")
                        .node("node2", "underlay", "10.168.0.3")
                        .etcd("underlay", "10.168.0.10")
                        .build());
        topology.etcd().put(Agents.PREFIX + "/config", CONFIG);
        agents = new Agents(topology);
        node1 = topology.node("node1");
        node2 = topology.node("node2");
    }

    @AfterEach
    void destroyTopology() {
        if (topology != null) {
            topology.close();
        }
    }

    private ManagedProcess startReady(Node node) {
        ManagedProcess agent = agents.start(node);
        agents.awaitReady(node, agent);
        return agent;
    }

    @Test
    void twoAgentsLeaseTheSeedsSubnetsAndProgramTheSeedsEntries() throws Exception {
        startReady(node1);
        startReady(node2);

        String subnet1 = agents.subnetOf(node1);
        String subnet2 = agents.subnetOf(node2);
        assertThat(Set.of(subnet1, subnet2)).containsExactlyInAnyOrder("10.1.15.0/24", "10.1.16.0/24");

        for (Node[] pair : new Node[][] {{node1, node2}, {node2, node1}}) {
            Node self = pair[0];
            Node peer = pair[1];
            String peerSubnet = agents.subnetOf(peer);
            String peerGateway = peerSubnet.substring(0, peerSubnet.indexOf('/'));
            String peerVtepMac = deviceMac(peer);
            JsonNode peerLease =
                    Agents.json(topology.etcd().get(leaseKey(peerSubnet)).orElseThrow());
            assertThat(peerLease.path("BackendData").path("VtepMAC").asText()).isEqualTo(peerVtepMac);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(ipJson(self, "route", "show", peerSubnet))
                        .as("%s's route to %s", self.name(), peerSubnet)
                        .hasSize(1);
                JsonNode route = ipJson(self, "route", "show", peerSubnet).get(0);
                assertThat(route.path("gateway").asText()).isEqualTo(peerGateway);
                assertThat(route.path("dev").asText()).isEqualTo("flannel.1");
                assertThat(route.path("flags").toString()).contains("onlink");

                JsonNode neighbours = ipJson(self, "neigh", "show", "dev", "flannel.1");
                assertThat(neighbours).hasSize(1);
                assertThat(neighbours.get(0).path("dst").asText()).isEqualTo(peerGateway);
                assertThat(neighbours.get(0).path("lladdr").asText()).isEqualTo(peerVtepMac);
                assertThat(neighbours.get(0).path("state").toString()).isEqualTo("[\"PERMANENT\"]");

                JsonNode fdb = bridgeJson(self, "fdb", "show", "dev", "flannel.1");
                assertThat(fdb).hasSize(1);
                assertThat(fdb.get(0).path("mac").asText()).isEqualTo(peerVtepMac);
                assertThat(fdb.get(0).path("dst").asText()).isEqualTo(peer.address());
                assertThat(fdb.get(0).path("flags").toString()).isEqualTo("[\"self\"]");
                assertThat(fdb.get(0).path("state").asText()).isEqualTo("permanent");
            });
        }

        // The device, on node1 as on any node.
        JsonNode device =
                ipJson(node1, "-details", "address", "show", "dev", "flannel.1").get(0);
        JsonNode vxlan = device.path("linkinfo").path("info_data");
        assertThat(device.path("linkinfo").path("info_kind").asText()).isEqualTo("vxlan");
        assertThat(vxlan.path("id").asInt()).isEqualTo(1);
        assertThat(vxlan.path("local").asText()).isEqualTo("10.168.0.2");
        assertThat(vxlan.path("link").asText()).isEqualTo("eth0");
        assertThat(vxlan.path("port").asInt()).isEqualTo(8472);
        assertThat(vxlan.path("learning").asBoolean(true)).isFalse();
        assertThat(device.path("mtu").asInt()).isEqualTo(1450);
        assertThat(device.path("flags").toString()).contains("\"UP\"");
        assertThat(device.path("address").asText()).matches("[0-9a-f][26ae](:[0-9a-f]{2}){5}");
        assertThat(device.path("addr_info").findValuesAsText("local")).contains(subnet1.replace("/24", ""));
        assertThat(device.path("addr_info").get(0).path("prefixlen").asInt()).isEqualTo(32);

        // The lease: Flannel's key, exact JSON, a 24 h TTL.
        String lease1 = topology.etcd().get(leaseKey(subnet1)).orElseThrow();
        assertThat(lease1)
                .isEqualTo("{\"PublicIP\":\"10.168.0.2\",\"PublicIPv6\":null,\"BackendType\":\"vxlan\","
                        + "\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"" + deviceMac(node1) + "\"}}");
        assertThat(topology.etcd().timeToLive(leaseKey(subnet1)).orElseThrow()).isBetween(86_300L, 86_400L);

        // The subnet file: Flannel's lines in Flannel's order, mode 0644.
        String network = subnet1.replace(".0/24", ".1/24");
        assertThat(agents.subnetFileText(node1))
                .isEqualTo("FLANNEL_NETWORK=10.1.0.0/16\nFLANNEL_SUBNET=" + network
                        + "\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=false\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(agents.subnetFile(node1))))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void pingBetweenTheTwoSubnetsCrossesFlannel1() {
        startReady(node1);
        startReady(node2);
        Container container1 = topology.addContainer("container-1", "node1", agents.subnetFile(node1));
        Container container2 = topology.addContainer("container-2", "node2", agents.subnetFile(node2));

        Capture underlay = topology.capture("node1:eth0", "udp port 8472");
        Capture overlay = topology.capture("node1:flannel.1", "icmp");
        container1.exec("ping", "-c", "3", "-W", "2", container2.address()).orThrow();
        Path encapsulated = underlay.stop();
        Path inner = overlay.stop();

        // 3 requests out and 3 replies in, each seen in VXLAN on eth0 and bare on flannel.1.
        assertThat(Pcap.frameCount(encapsulated)).isGreaterThanOrEqualTo(6);
        assertThat(Pcap.frameCount(inner)).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aDeletedLeaseTakesItsRouteNeighbourAndFdbEntryWithIt() {
        startReady(node1);
        ManagedProcess agent2 = startReady(node2);
        String subnet2 = agents.subnetOf(node2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ipJson(node1, "route", "show", subnet2).size() == 1);

        assertThat(topology.etcd().delete(leaseKey(subnet2))).isTrue();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(ipJson(node1, "route", "show", subnet2)).isEmpty();
            assertThat(ipJson(node1, "neigh", "show", "dev", "flannel.1")).isEmpty();
            assertThat(bridgeJson(node1, "fdb", "show", "dev", "flannel.1")).isEmpty();
        });
        // node2 lost its own lease: Flannel's message, and a clean exit.
        assertThat(agent2.waitFor(Duration.ofSeconds(10))).contains(0);
        assertThat(agent2.logs()).contains("Lease has been revoked. Shutting down daemon.");
    }

    @Test
    void aRestartedAgentKeepsItsSubnetAndItsVtepMac() {
        ManagedProcess first = startReady(node1);
        startReady(node2);
        String subnet = agents.subnetOf(node1);
        String mac = deviceMac(node1);

        assertThat(first.stop(Duration.ofSeconds(10))).isZero();
        ManagedProcess second = agents.start(node1);
        // The old subnet file is still there: wait for the new agent's own registration instead.
        await().atMost(Agents.READY_LIMIT).until(() -> second.logs().contains("Running backend."));

        assertThat(agents.subnetOf(node1)).isEqualTo(subnet);
        assertThat(deviceMac(node1)).isEqualTo(mac);
        assertThat(Agents.json(topology.etcd().get(leaseKey(subnet)).orElseThrow())
                        .path("BackendData")
                        .path("VtepMAC")
                        .asText())
                .isEqualTo(mac);
        Container container1 = topology.addContainer("container-1", "node1", agents.subnetFile(node1));
        Container container2 = topology.addContainer("container-2", "node2", agents.subnetFile(node2));
        container1.exec("ping", "-c", "2", "-W", "2", container2.address()).orThrow();
    }

    @Test
    void twoAgentsRacingForTheSameSubnetGetDifferentOnes() throws Exception {
        // Both remember 10.1.15.0/24 from a previous life and start at the same moment.
        for (Node node : new Node[] {node1, node2}) {
            Files.createDirectories(agents.subnetFile(node).getParent());
            Files.writeString(
                    agents.subnetFile(node),
                    "FLANNEL_NETWORK=10.1.0.0/16\nFLANNEL_SUBNET=10.1.15.1/24\n"
                            + "FLANNEL_MTU=1450\nFLANNEL_IPMASQ=false\n");
        }
        ManagedProcess agent1 = agents.start(node1);
        ManagedProcess agent2 = agents.start(node2);
        await().atMost(Agents.READY_LIMIT)
                .until(() -> agent1.logs().contains("Running backend.")
                        && agent2.logs().contains("Running backend."));

        assertThat(Set.of(agents.subnetOf(node1), agents.subnetOf(node2)))
                .containsExactlyInAnyOrder("10.1.15.0/24", "10.1.16.0/24");
        assertThat(topology.etcd().getPrefix(Agents.PREFIX + "/subnets/")).hasSize(2);
        assertThat(agent1.isAlive()).isTrue();
        assertThat(agent2.isAlive()).isTrue();
    }

    private static String deviceMac(Node node) {
        return ipJson(node, "link", "show", "dev", "flannel.1")
                .get(0)
                .path("address")
                .asText();
    }
}
