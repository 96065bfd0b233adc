package org.flannel.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flannel.harness.topology.support.PcapFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two L2 segments joined by a router ({@link Specs#routed()}): node1, node2 and etcd on underlay, node3
 * on underlay2. The case Flannel's host-gw backend cannot serve (node3 is not on-link for node1) and
 * DirectRouting falls back from (it asks the kernel whether a peer is reached through a gateway).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RoutedUnderlayContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Topology topo;
    private Node node1;
    private Node node3;

    protected abstract TopologyDriver driver();

    @BeforeAll
    void create() {
        TopologyDriver driver = driver();
        long started = System.nanoTime();
        topo = driver.create(Specs.routed());
        System.out.printf(
                "BENCHMARK %s: routed topology (3 nodes + router + etcd) created in %d ms%n",
                driver.getClass().getSimpleName(), (System.nanoTime() - started) / 1_000_000);
        node1 = topo.node("node1");
        node3 = topo.node("node3");
    }

    @AfterAll
    void destroy() {
        if (topo != null) {
            topo.close();
        }
    }

    @Test
    void node3ReachesNode1AndEtcdThroughTheRouter() {
        assertThat(node3.exec("ping", "-c", "1", "-W", "2", "10.168.0.2").exitCode())
                .isZero();
        assertThat(node3.exec("ping", "-c", "1", "-W", "2", "10.168.0.10").exitCode())
                .isZero();
        assertThat(topo.node("node2")
                        .exec("ping", "-c", "1", "-W", "2", "10.168.1.2")
                        .exitCode())
                .isZero();

        ExecResult health =
                node3.exec(Command.of("etcdctl", "--endpoints=" + topo.etcd().endpoint(), "endpoint", "health")
                        .withEnv("ETCDCTL_API", "3"));
        assertThat(health.exitCode()).as(health.stderr()).isZero();
        assertThat(health.stdout() + health.stderr()).contains("http://10.168.0.10:2379 is healthy");
    }

    @Test
    void defaultRoutesGoViaTheRouterOnEachSegment() {
        assertThat(node1.exec("ip", "route", "show", "default")
                        .orThrow()
                        .stdout()
                        .strip())
                .startsWith("default via 10.168.0.1 dev eth0");
        assertThat(node3.exec("ip", "route", "show", "default")
                        .orThrow()
                        .stdout()
                        .strip())
                .startsWith("default via 10.168.1.1 dev eth0");
        assertThat(topo.host("etcd")
                        .exec("ip", "route", "show", "default")
                        .orThrow()
                        .stdout()
                        .strip())
                .startsWith("default via 10.168.0.1 dev eth0");
        Router router = topo.router("router");
        assertThat(router.exec("ip", "route", "show", "default").orThrow().stdout())
                .isBlank();
        assertThat(router.exec("sysctl", "-n", "net.ipv4.ip_forward")
                        .orThrow()
                        .stdout()
                        .strip())
                .isEqualTo("1");
        assertThat(router.exec("ip", "-4", "-o", "addr", "show", "eth0")
                        .orThrow()
                        .stdout())
                .contains("10.168.0.1/24");
        assertThat(router.exec("ip", "-4", "-o", "addr", "show", "eth1")
                        .orThrow()
                        .stdout())
                .contains("10.168.1.1/24");
        assertThat(router.addressOn("underlay")).isEqualTo("10.168.0.1");
        assertThat(topo.host("router:eth1")).isSameAs(router);
        assertThat(topo.routers()).containsExactly(router);
        assertThat(topo.nodes()).extracting(Node::name).containsExactly("node1", "node2", "node3");
    }

    /** What DirectRouting and host-gw look at: is the peer on-link, or behind a gateway? */
    @Test
    void routeGetShowsAGatewayOnlyForThePeerOnTheOtherSegment() throws Exception {
        JsonNode remote = JSON.readTree(node1.exec("ip", "-json", "route", "get", "10.168.1.2")
                        .orThrow()
                        .stdout())
                .get(0);
        assertThat(remote.path("gateway").asText()).isEqualTo("10.168.0.1");
        assertThat(remote.path("dev").asText()).isEqualTo("eth0");

        JsonNode local = JSON.readTree(node1.exec("ip", "-json", "route", "get", "10.168.0.3")
                        .orThrow()
                        .stdout())
                .get(0);
        assertThat(local.has("gateway")).as("on-link: %s", local).isFalse();
        assertThat(local.path("dev").asText()).isEqualTo("eth0");
    }

    @Test
    void aHostGwRouteIsAcceptedOnlyForAnOnLinkPeer() {
        try {
            node1.exec("ip", "route", "add", "10.1.16.0/24", "via", "10.168.0.3")
                    .orThrow();
            assertThat(node1.exec("ip", "route", "show", "10.1.16.0/24")
                            .orThrow()
                            .stdout())
                    .contains("10.1.16.0/24 via 10.168.0.3 dev eth0");

            // The kernel answers ENETUNREACH (error=-101 in strace). iproute2 prints the extended ack the kernel
            // sends with it, "Nexthop has invalid gateway", instead of strerror ("RTNETLINK answers: Network is
            // unreachable", as older kernels/iproute2 and the netlink library flanneld uses report it).
            ExecResult refused = node1.exec("ip", "route", "add", "10.1.17.0/24", "via", "10.168.1.2");
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.stderr()).containsAnyOf("Nexthop has invalid gateway", "Network is unreachable");
            assertThat(node1.exec("ip", "route", "show", "10.1.17.0/24")
                            .orThrow()
                            .stdout())
                    .isBlank();
        } finally {
            node1.exec("ip", "route", "del", "10.1.16.0/24");
        }
    }

    @Test
    void theRouterDecrementsTtlByOne() throws Exception {
        Capture underlay2 = topo.capture("underlay2", "icmp");
        Capture underlay = topo.capture("underlay", "icmp");

        String routed =
                node3.exec("ping", "-c", "1", "-W", "2", "10.168.0.2").orThrow().stdout();
        String direct =
                node1.exec("ping", "-c", "1", "-W", "2", "10.168.0.3").orThrow().stdout();

        assertThat(ttlOf(routed)).as("node1's reply, one hop: %s", routed).isEqualTo(63);
        assertThat(ttlOf(direct)).as("node2's reply, on-link: %s", direct).isEqualTo(64);

        Path beforeRouter = underlay2.stop();
        Path afterRouter = underlay.stop();
        assertThat(PcapFile.read(beforeRouter).icmp())
                .containsExactly(
                        new PcapFile.Icmp("10.168.1.2", "10.168.0.2", 8, 64),
                        new PcapFile.Icmp("10.168.0.2", "10.168.1.2", 0, 63));
        assertThat(PcapFile.read(afterRouter).icmp())
                .contains(
                        new PcapFile.Icmp("10.168.1.2", "10.168.0.2", 8, 63),
                        new PcapFile.Icmp("10.168.0.2", "10.168.1.2", 0, 64));
    }

    @Test
    void captureOnTheRoutersInterface() throws Exception {
        Capture capture = topo.capture("router:eth1", "icmp");
        node3.exec("ping", "-c", "1", "-W", "2", "10.168.1.1").orThrow();

        assertThat(PcapFile.read(capture.stop()).icmpCount()).isEqualTo(2);
    }

    @Test
    void routerNamesAreCheckedInTheTopology() throws Exception {
        assertThatThrownBy(() -> topo.router("node1"))
                .hasMessageContaining("no router 'node1'")
                .hasMessageContaining("routers are [router]");
        Path env = topo.workDir().resolve("node1").resolve("subnet.env");
        Files.writeString(env, "FLANNEL_SUBNET=10.1.15.1/24\nFLANNEL_MTU=1450\n");
        assertThatThrownBy(() -> topo.addContainer("router", "node1", env))
                .hasMessageContaining(
                        "container name 'router' is already used by a node, router, container or segment");
    }

    private static int ttlOf(String pingOutput) {
        Matcher m = Pattern.compile("ttl=(\\d+)").matcher(pingOutput);
        assertThat(m.find()).as("no ttl= in %s", pingOutput).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
