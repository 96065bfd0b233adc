package org.flannel.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flannel.harness.topology.support.PcapFile;
import org.flannel.harness.topology.support.Waiting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every driver's topology does, checked on one two-node topology with etcd, shared by tests that
 * do not disturb each other. A driver's IT extends it with {@link #driver()} (and its skip condition).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TopologyContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    protected Topology topo;
    protected Node node1;
    protected Node node2;

    protected abstract TopologyDriver driver();

    @BeforeAll
    void create() {
        topo = driver().create(Specs.twoNodesWithEtcd());
        node1 = topo.node("node1");
        node2 = topo.node("node2");
    }

    @AfterAll
    void destroy() {
        if (topo != null) {
            topo.close();
        }
    }

    @Test
    void nodesPingEachOtherOverTheSegment() {
        assertThat(node1.exec("ping", "-c", "1", "-W", "2", "10.168.0.3").exitCode())
                .isZero();
        assertThat(node2.exec("ping", "-c", "1", "-W", "2", "10.168.0.2").exitCode())
                .isZero();
        assertThat(node1.exec("ping", "-c", "1", "-W", "1", "10.168.0.99").exitCode())
                .isNotZero();
    }

    @Test
    void nodesHaveTheirAddressForwardingAndADefaultRoute() throws Exception {
        JsonNode addrs = JSON.readTree(node1.exec("ip", "-json", "-4", "addr", "show", "eth0")
                .orThrow()
                .stdout());
        assertThat(addrs.get(0).path("addr_info").get(0).path("local").asText()).isEqualTo("10.168.0.2");
        assertThat(addrs.get(0).path("addr_info").get(0).path("prefixlen").asInt())
                .isEqualTo(24);
        assertThat(node1.exec("sysctl", "-n", "net.ipv4.ip_forward")
                        .orThrow()
                        .stdout()
                        .trim())
                .isEqualTo("1");
        assertThat(node1.exec("sysctl", "-n", "net.ipv6.conf.all.disable_ipv6")
                        .orThrow()
                        .stdout()
                        .trim())
                .isEqualTo("1");
        assertThat(node1.exec("ip", "route", "show", "default")
                        .orThrow()
                        .stdout()
                        .strip())
                .isEqualTo("default dev eth0 scope link");
        assertThat(node1.exec("ethtool", "-k", "eth0").orThrow().stdout()).contains("tx-checksumming: off");
        assertThat(topo.node("node1:eth0")).isSameAs(node1);
        assertThat(Files.isDirectory(topo.workDir().resolve("node1"))).isTrue();
    }

    @Test
    void execReportsFailuresWithCommandAndStderr() {
        ExecResult result = node1.exec("sh", "-c", "echo out; echo err >&2; exit 7");

        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThatThrownBy(result::orThrow)
                .isInstanceOf(ExecFailedException.class)
                .hasMessageContaining("`sh -c echo out; echo err >&2; exit 7` on node1 exited with code 7: err");
        assertThat(node1.exec(Command.of("cat").withStdin("piped")).stdout()).isEqualTo("piped");
        String large = "0123456789abcdef\n".repeat(6000);
        assertThat(node1.exec(Command.of("sh", "-c", "cat; echo \"$FLANNEL_CONFORMANCE_STDIN\"")
                                .withStdin(large))
                        .stdout())
                .as("100 KB of input arrive whole, and no helper variable of the driver's leaks")
                .isEqualTo(large + "\n");
        assertThat(node1.exec(Command.of("wc", "-c").withStdin("")).stdout().strip())
                .isEqualTo("0");
        assertThat(node1.exec(Command.of("sh", "-c", "echo $GREETING").withEnv("GREETING", "hi"))
                        .stdout())
                .isEqualTo("hi\n");
        assertThat(node1.exec("no-such-program").exitCode()).isNotZero();
    }

    @Test
    void execPastItsTimeoutIsKilled() {
        assertThatThrownBy(() -> node1.exec(Command.of("sleep", "987641").withTimeout(Duration.ofMillis(500))))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("did not finish within");
        assertThat(node1.exec("pgrep", "-f", "sleep 987641").exitCode())
                .as("killed")
                .isNotZero();
    }

    @Test
    void etcdPutGetPrefixDelete() {
        EtcdMember etcd = topo.etcd();
        String config = "{\"Network\": \"10.1.0.0/16\",\n \"Backend\": {\"Type\": \"vxlan\"}}";

        etcd.put("/coreos.com/network/config", config);
        etcd.put("/coreos.com/network/subnets/10.1.15.0-24", "{\"PublicIP\":\"10.168.0.2\"}");
        etcd.put("/coreos.com/network/subnets/10.1.16.0-24", "-starts-with-a-dash");
        etcd.put("/coreos.com/network/subnetsX", "not under the prefix with its slash");

        assertThat(etcd.endpoint()).isEqualTo("http://10.168.0.10:2379");
        assertThat(etcd.get("/coreos.com/network/config")).contains(config);
        assertThat(etcd.get("/coreos.com/network/missing")).isEmpty();
        assertThat(etcd.getPrefix("/coreos.com/network/subnets/"))
                .containsExactly(
                        Map.entry("/coreos.com/network/subnets/10.1.15.0-24", "{\"PublicIP\":\"10.168.0.2\"}"),
                        Map.entry("/coreos.com/network/subnets/10.1.16.0-24", "-starts-with-a-dash"));
        assertThat(etcd.delete("/coreos.com/network/subnets/10.1.16.0-24")).isTrue();
        assertThat(etcd.delete("/coreos.com/network/subnets/10.1.16.0-24")).isFalse();
        assertThat(etcd.getPrefix("/coreos.com/network/subnets/")).hasSize(1);
        assertThat(etcd.deletePrefix("/coreos.com/")).isEqualTo(3);
        etcd.put("/empty", "");
        assertThat(etcd.get("/empty")).contains("");
        assertThat(etcd.isHealthy()).isTrue();
    }

    @Test
    void etcdTimeToLiveFollowsTheLease() {
        EtcdMember etcd = topo.etcd();
        etcd.putWithTtl("/ttl/leased", "x", Duration.ofSeconds(60));
        etcd.put("/ttl/plain", "y");

        assertThat(etcd.timeToLive("/ttl/leased")).isPresent();
        assertThat(etcd.timeToLive("/ttl/leased").getAsLong()).isBetween(55L, 60L);
        assertThat(etcd.timeToLive("/ttl/plain")).isEmpty();
        assertThat(etcd.timeToLive("/ttl/absent")).isEmpty();
    }

    @Test
    void etcdIsReachableFromNodes() {
        ExecResult health =
                node2.exec(Command.of("etcdctl", "--endpoints=" + topo.etcd().endpoint(), "endpoint", "health")
                        .withEnv("ETCDCTL_API", "3"));

        assertThat(health.exitCode()).isZero();
        assertThat(health.stdout() + health.stderr()).contains("http://10.168.0.10:2379 is healthy");
    }

    @Test
    void processLogsEnvironmentAndExitCode() {
        ManagedProcess p = node1.start(
                "talker",
                List.of("sh", "-c", "echo hello $FOO; echo oops >&2; ip -4 -o addr show eth0; exit 3"),
                Map.of("FOO", "bar"));

        assertThat(p.waitFor(Duration.ofSeconds(10))).contains(3);
        assertThat(p.isAlive()).isFalse();
        assertThat(p.logs()).contains("hello bar", "oops", "10.168.0.2/24");
        assertThat(p.logFile()).startsWith(topo.workDir()).hasFileName("node1-talker.log");
    }

    @Test
    void stopTerminatesAndKillsWhatIgnoresSigterm() throws Exception {
        ManagedProcess polite = node2.start("sleeper", List.of("sleep", "987651"));
        assertThat(polite.waitFor(Duration.ofMillis(200))).isEmpty();
        assertThat(polite.isAlive()).isTrue();
        assertThat(polite.pid()).isPositive();

        assertThat(polite.stop(Duration.ofSeconds(2))).isEqualTo(143);
        assertThat(polite.isAlive()).isFalse();
        assertThat(node2.exec("pgrep", "-f", "sleep 987651").exitCode()).isNotZero();

        ManagedProcess stubborn = node2.start("stubborn", List.of("sh", "-c", "trap '' TERM; sleep 987652; true"));
        // Once the child runs, sh has set its trap: the SIGTERM below is ignored for sure.
        assertThat(Waiting.until(
                        Duration.ofSeconds(5), Duration.ofMillis(20), () -> node2.exec("pgrep", "-fx", "sleep 987652")
                                .succeeded()))
                .as("the child sleep started")
                .isTrue();
        assertThat(stubborn.stop(Duration.ofMillis(300))).isEqualTo(137);
        assertThat(node2.exec("pgrep", "-f", "sleep 987652").exitCode())
                .as("the child sleep, killed with its parent")
                .isNotZero();
    }

    @Test
    void aSignalReachesTheProcessAndItsExitStatusSaysWhich() {
        ManagedProcess sleeper = node1.start("signalled", List.of("sleep", "987653"));
        assertThat(sleeper.waitFor(Duration.ofMillis(200))).isEmpty();

        sleeper.signal("KILL");

        assertThat(sleeper.waitFor(Duration.ofSeconds(5))).contains(137);
    }

    @Test
    void etcdStoppedRefusesClientsAndStartedAgainKeepsItsDataAndCompacts() {
        topo.etcd().put("/contract/kept", "before the stop");
        topo.etcd().stop();
        assertThat(topo.etcd().isHealthy()).as("etcd stopped").isFalse();

        topo.etcd().start();

        assertThat(topo.etcd().get("/contract/kept")).contains("before the stop");
        long before = topo.etcd().revision();
        topo.etcd().put("/contract/kept", "after");
        assertThat(topo.etcd().revision()).isGreaterThan(before);
        topo.etcd().compact(topo.etcd().revision());
        ExecResult old = node1.exec(
                "sh",
                "-c",
                "ETCDCTL_API=3 etcdctl --endpoints=" + topo.etcd().endpoint() + " get /contract/kept --rev=" + before);
        assertThat(old.stderr()).as("a read from before the compaction").contains("compacted");
    }

    @Test
    void captureOfAPingContainsTheIcmpPackets() throws Exception {
        Capture onNode = topo.capture("node1:eth0", "icmp");
        Capture onSegment = topo.capture("underlay", "icmp");

        node1.exec("ping", "-c", "3", "-i", "0.2", "10.168.0.3").orThrow();
        Path pcap = onNode.stop();
        Path segmentPcap = onSegment.stop();

        PcapFile file = PcapFile.read(pcap);
        assertThat(pcap).startsWith(topo.workDir());
        assertThat(file.linkType()).isEqualTo(1);
        assertThat(file.packets()).isNotEmpty();
        assertThat(file.icmpCount()).as("3 echo requests and 3 replies").isEqualTo(6);
        assertThat(PcapFile.read(segmentPcap).icmpCount()).isEqualTo(6);
        assertThat(onNode.stop()).isEqualTo(pcap);
    }

    @Test
    void captureFilterMatchingNothingGivesAnEmptyButValidPcap() throws Exception {
        Capture capture = topo.capture("node2:eth0", "udp port 8472");
        node2.exec("ping", "-c", "1", "10.168.0.2").orThrow();

        assertThat(PcapFile.read(capture.stop()).packets()).isEmpty();
    }

    @Test
    void badCaptureRequestsAreExplained() {
        assertThatThrownBy(() -> topo.capture("node9:eth0", "icmp")).hasMessageContaining("names no host or segment");
        assertThatThrownBy(() -> topo.capture("node1:eth0", "no such filter"))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("tcpdump at node1:eth0");
    }

    @Test
    void containersGetAddressesFromTheSubnetFileAndReachEachOtherAcrossNodes() throws Exception {
        Path env1 = writeSubnetEnv("node1", "10.1.15.1/24");
        Path env2 = writeSubnetEnv("node2", "10.1.16.1/24");
        Container a = topo.addContainer("pod-a", "node1", env1);
        Container b = topo.addContainer("pod-b", "node1", env1);
        Container c = topo.addContainer("pod-c", "node2", env2);

        assertThat(a.address()).isEqualTo("10.1.15.2");
        assertThat(b.address()).isEqualTo("10.1.15.3");
        assertThat(c.address()).isEqualTo("10.1.16.2");
        assertThat(a.gateway()).isEqualTo("10.1.15.1");
        assertThat(topo.container("pod-a:eth0")).isSameAs(a);

        JsonNode docker0 = JSON.readTree(node1.exec("ip", "-json", "-4", "addr", "show", "docker0")
                        .orThrow()
                        .stdout())
                .get(0);
        assertThat(docker0.path("mtu").asInt()).isEqualTo(1450);
        assertThat(docker0.path("addr_info").get(0).path("local").asText()).isEqualTo("10.1.15.1");
        assertThat(docker0.path("addr_info").get(0).path("prefixlen").asInt()).isEqualTo(24);
        JsonNode eth0 = JSON.readTree(a.exec("ip", "-json", "-4", "addr", "show", "eth0")
                        .orThrow()
                        .stdout())
                .get(0);
        assertThat(eth0.path("mtu").asInt()).isEqualTo(1450);
        assertThat(eth0.path("addr_info").get(0).path("local").asText()).isEqualTo("10.1.15.2");
        assertThat(a.exec("ip", "route", "show", "default").orThrow().stdout())
                .contains("default via 10.1.15.1 dev eth0");

        Capture capture = topo.capture("pod-b:eth0", "icmp");
        a.exec("ping", "-c", "1", "-W", "2", b.address()).orThrow();
        assertThat(PcapFile.read(capture.stop()).icmpCount()).isEqualTo(2);

        // Host-gw by hand proves the nodes forward, and the segment carries pod addresses: the same
        // routes flannel's host-gw backend programs.
        node1.exec("ip", "route", "add", "10.1.16.0/24", "via", "10.168.0.3").orThrow();
        node2.exec("ip", "route", "add", "10.1.15.0/24", "via", "10.168.0.2").orThrow();
        a.exec("ping", "-c", "1", "-W", "2", c.address()).orThrow();

        ManagedProcess inPod = c.start("pod-sleeper", List.of("sleep", "987653"));
        assertThat(inPod.isAlive()).isTrue();
        assertThat(inPod.stop(Duration.ofSeconds(2))).isEqualTo(143);

        assertThatThrownBy(() -> topo.addContainer("pod-d", "node1", writeSubnetEnv("node1", "10.1.99.1/24")))
                .hasMessageContaining("docker0 on node1 was set up for 10.1.15.1/24");
        assertThatThrownBy(() -> topo.addContainer("pod-a", "node2", env2)).hasMessageContaining("already used");
    }

    private Path writeSubnetEnv(String node, String subnet) throws Exception {
        Path file = topo.workDir().resolve(node).resolve("subnet.env");
        Files.writeString(
                file,
                "FLANNEL_NETWORK=10.1.0.0/16\nFLANNEL_SUBNET=" + subnet + "\nFLANNEL_MTU=1450\n"
                        + "FLANNEL_IPMASQ=false\n");
        return file;
    }
}
