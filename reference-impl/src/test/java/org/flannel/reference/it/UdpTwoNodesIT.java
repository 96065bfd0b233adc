package org.flannel.reference.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.flannel.reference.it.Agents.ipJson;
import static org.flannel.reference.it.Agents.leaseKey;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.flannel.harness.topology.Capture;
import org.flannel.harness.topology.Container;
import org.flannel.harness.topology.ExecResult;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.Node;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologySpec;
import org.flannel.harness.topology.netns.NetnsDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two reference agents with the udp backend on the seed's two nodes, judged from the kernel, etcd and
 * the wire; a third node on the underlay runs no agent and plays a stranger.
 */
class UdpTwoNodesIT {
    /** SubnetMin/SubnetMax leave exactly the seed's two subnets. */
    static final String CONFIG = "{\"Network\":\"10.1.0.0/16\",\"SubnetMin\":\"10.1.15.0\",\"SubnetMax\":\"10.1.16.0\","
            + "\"Backend\":{\"Type\":\"udp\"}}";

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

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
                        .node("stranger", "underlay", "10.168.0.66")
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
    void flannel0ItsRouteTheLeasesAndTheSubnetFileAreFlannels() {
        startReady(node1);
        startReady(node2);

        String subnet1 = agents.subnetOf(node1);
        String subnet2 = agents.subnetOf(node2);
        assertThat(Set.of(subnet1, subnet2)).containsExactlyInAnyOrder("10.1.15.0/24", "10.1.16.0/24");

        for (Node node : new Node[] {node1, node2}) {
            String subnet = agents.subnetOf(node);
            JsonNode device = ipJson(node, "-details", "address", "show", "dev", "flannel0")
                    .get(0);
            assertThat(device.path("linkinfo").path("info_kind").asText()).isEqualTo("tun");
            assertThat(device.path("linkinfo").path("info_data").path("type").asText())
                    .isEqualTo("tun");
            assertThat(device.path("linkinfo").path("info_data").path("pi").asBoolean(true))
                    .as("IFF_NO_PI")
                    .isFalse();
            assertThat(device.path("mtu").asInt()).isEqualTo(1472);
            assertThat(device.path("flags").toString()).contains("\"UP\"");
            assertThat(device.path("addr_info")).hasSize(1);
            assertThat(device.path("addr_info").get(0).path("local").asText()).isEqualTo(subnet.replace("/24", ""));
            assertThat(device.path("addr_info").get(0).path("prefixlen").asInt())
                    .isEqualTo(32);

            JsonNode routes = ipJson(node, "route", "show", "10.1.0.0/16");
            assertThat(routes).hasSize(1);
            assertThat(routes.get(0).path("dev").asText()).isEqualTo("flannel0");
            assertThat(routes.get(0).has("gateway")).isFalse();

            String lease = topology.etcd().get(leaseKey(subnet)).orElseThrow();
            assertThat(lease).isEqualTo("{\"PublicIP\":\"" + node.address() + "\",\"PublicIPv6\":null}");
            assertThat(topology.etcd().timeToLive(leaseKey(subnet)).orElseThrow())
                    .isBetween(86_300L, 86_400L);

            assertThat(agents.subnetFileText(node))
                    .isEqualTo("FLANNEL_NETWORK=10.1.0.0/16\nFLANNEL_SUBNET=" + subnet.replace(".0/24", ".1/24")
                            + "\nFLANNEL_MTU=1472\nFLANNEL_IPMASQ=false\n");
        }
        // The socket listens on the interface's address, port 8285.
        assertThat(node1.exec("ss", "-Hlun").orThrow().stdout()).contains("10.168.0.2:8285");
    }

    @Test
    void aPingBetweenTwoContainersCrossesNode1sEth0AsUdp8285() {
        startReady(node1);
        startReady(node2);
        Container container1 = topology.addContainer("container-1", "node1", agents.subnetFile(node1));
        Container container2 = topology.addContainer("container-2", "node2", agents.subnetFile(node2));

        Capture requests = topology.capture(
                "node1:eth0",
                "src host 10.168.0.2 and dst host 10.168.0.3 and udp src port 8285 and udp dst port 8285");
        Capture replies = topology.capture(
                "node1:eth0",
                "src host 10.168.0.3 and dst host 10.168.0.2 and udp src port 8285 and udp dst port 8285");
        Capture overlay = topology.capture("node1:flannel0", "icmp");
        Capture anyOther = topology.capture("node1:eth0", "icmp");
        ExecResult ping = container1
                .exec("ping", "-c", "3", "-W", "2", container2.address())
                .orThrow();
        Path out = requests.stop();
        Path in = replies.stop();
        Path bare = overlay.stop();
        Path plain = anyOther.stop();

        assertThat(ping.stdout()).contains("3 received").contains("ttl=60"); // two routers and two flanneld
        assertThat(Pcap.frameCount(out)).isEqualTo(3);
        assertThat(Pcap.frameCount(in)).isEqualTo(3);
        assertThat(Pcap.frameCount(bare)).isEqualTo(6);
        assertThat(Pcap.frameCount(plain)).as("no bare ICMP on the underlay").isZero();
    }

    @Test
    void stoppingNode2sAgentStopsTheTrafficAndRestartingItBringsItBack() {
        startReady(node1);
        ManagedProcess agent2 = startReady(node2);
        Container container1 = topology.addContainer("container-1", "node1", agents.subnetFile(node1));
        Container container2 = topology.addContainer("container-2", "node2", agents.subnetFile(node2));
        container1.exec("ping", "-c", "1", "-W", "2", container2.address()).orThrow();

        assertThat(agent2.stop(STOP_GRACE)).isZero();
        assertThat(agent2.logs()).contains("UDP data path counters: flannel0->UDP");

        assertThat(container1
                        .exec("ping", "-c", "2", "-W", "1", container2.address())
                        .succeeded())
                .as("ping with node2's agent stopped")
                .isFalse();

        ManagedProcess again = agents.start(node2);
        // The old subnet file is still there: wait for the new agent's own registration instead.
        await().atMost(Agents.READY_LIMIT).until(() -> again.logs().contains("Running backend."));
        await().atMost(Duration.ofSeconds(10)).until(() -> container1
                .exec("ping", "-c", "1", "-W", "1", container2.address())
                .succeeded());
    }

    @Test
    void anAddressInNoNodesSubnetIsAnsweredWithNetUnreachableFromFlannel0() {
        startReady(node1);
        startReady(node2);
        Container container1 = topology.addContainer("container-1", "node1", agents.subnetFile(node1));
        String flannel0 = agents.subnetOf(node1).replace("/24", "");

        Capture overlay = topology.capture("node1:flannel0", "icmp[icmptype] == 3 and icmp[icmpcode] == 0");
        ExecResult ping = container1.exec("ping", "-c", "1", "-W", "2", "10.1.99.3");
        Path answers = overlay.stop();

        assertThat(ping.succeeded()).isFalse();
        assertThat(ping.stdout()).contains("From " + flannel0 + " icmp_seq=1 Destination Net Unreachable");
        assertThat(Pcap.frameCount(answers)).isEqualTo(1);
    }

    @Test
    void datagramsFromStrangersOrNotHoldingAnIpv4PacketNeverReachFlannel0() throws Exception {
        ManagedProcess agent1 = startReady(node1);
        startReady(node2);
        String subnet2 = agents.subnetOf(node2);
        await().atMost(Duration.ofSeconds(10)).until(() -> agent1.logs().contains("Subnet added: " + subnet2));

        Capture overlay = topology.capture("node1:flannel0", "");
        // A well-formed IPv4 header from an address that is no peer's, then garbage from a peer; cat
        // writes each file in one write(2), so each is one datagram.
        Path header = topology.workDir().resolve("ipv4-header.bin");
        Files.write(header, bareIpv4Header(new byte[] {10, 1, 16, 3}, new byte[] {10, 1, 15, 2}));
        Path garbage = topology.workDir().resolve("garbage.bin");
        Files.writeString(garbage, "not an IP packet at all");
        topology.node("stranger")
                .exec("bash", "-c", "cat " + header + " > /dev/udp/10.168.0.2/8285")
                .orThrow();
        node2.exec("bash", "-c", "cat " + garbage + " > /dev/udp/10.168.0.2/8285")
                .orThrow();
        Path written = overlay.stop();

        assertThat(Pcap.frameCount(written)).isZero();
        assertThat(agent1.stop(STOP_GRACE)).isZero();
        assertThat(agent1.logs()).contains("UDP->flannel0 0 packets 0 bytes, dropped not-ipv4=1 unknown-source=1");
    }

    /** A 20-byte IPv4 header with nothing after it and a valid checksum. */
    private static byte[] bareIpv4Header(byte[] source, byte[] destination) {
        byte[] header = {0x45, 0, 0, 20, 0, 0, 0, 0, 64, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        System.arraycopy(source, 0, header, 12, 4);
        System.arraycopy(destination, 0, header, 16, 4);
        int sum = 0;
        for (int i = 0; i < header.length; i += 2) {
            sum += ((header[i] & 0xff) << 8) | (header[i + 1] & 0xff);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        header[10] = (byte) (~sum >>> 8);
        header[11] = (byte) ~sum;
        return header;
    }
}
