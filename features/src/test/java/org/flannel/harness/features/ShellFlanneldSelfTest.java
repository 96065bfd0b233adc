package org.flannel.harness.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.Node;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologySpec;
import org.flannel.harness.topology.netns.NetnsDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the shell flanneld (the self-test's second implementation) promises in features/impls/README.md
 * beyond what the features judge: its flags, waiting for a network config, lease renewal, a watch taken up
 * again, leases of other backends ignored, its exit when its own lease goes, and no process of its own
 * outliving it, after SIGTERM or SIGKILL. Two nodes and etcd on network namespaces.
 */
@Tag("harness-self-test")
class ShellFlanneldSelfTest {
    private static final Path EXECUTABLE = Path.of(System.getProperty("flannel.impls.dir", "impls"))
            .resolve("shell-flanneld")
            .resolve("flanneld")
            .toAbsolutePath();
    private static final String FOREIGN_LEASE =
            "{\"PublicIP\":\"10.168.0.99\",\"PublicIPv6\":null,\"BackendType\":\"vxlan\","
                    + "\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"02:aa:bb:cc:dd:ee\"}}";
    private static Topology topology;
    private static ShellAgents agents;
    private Node node1;
    private Node node2;

    @BeforeAll
    static void createTopology() {
        topology = new NetnsDriver()
                .create(TopologySpec.builder()
                        .segment("underlay", "10.168.0.0/24")
                        .node("node1", "underlay", "10.168.0.2")
                        .node("node2", "underlay", "10.168.0.3")
                        .etcd("underlay", "10.168.0.10")
                        .build());
        agents = new ShellAgents(topology, EXECUTABLE);
    }

    @AfterAll
    static void destroyTopology() {
        if (topology != null) {
            topology.close();
        }
    }

    @BeforeEach
    void configureTheNetwork() {
        node1 = topology.node("node1");
        node2 = topology.node("node2");
        topology.etcd().put(ShellAgents.PREFIX + "/config", ShellAgents.VXLAN_CONFIG);
    }

    @AfterEach
    void resetTheNodes() {
        agents.reset();
    }

    @Test
    void versionPrintsAndExitsZeroAnUnknownFlagIsOneLineOnStderrAndExitOne() throws Exception {
        Process version = new ProcessBuilder(EXECUTABLE.toString(), "--version").start();
        assertThat(version.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(version.exitValue()).isZero();
        assertThat(new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isNotBlank();

        Process unknown = new ProcessBuilder(EXECUTABLE.toString(), "--no-such-flag").start();
        assertThat(unknown.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(unknown.exitValue()).isEqualTo(1);
        assertThat(new String(unknown.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines())
                .hasSize(1);
    }

    @Test
    void withoutANetworkConfigItWaitsAndSigtermEndsItWithNothingLeft() {
        topology.etcd().delete(ShellAgents.PREFIX + "/config");
        ManagedProcess agent = agents.start(node1);
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.logs()
                .contains("Couldn't fetch network config: flannel config not found in etcd store"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(agent::isAlive);

        assertThat(OwnProcesses.terminate(agent, OwnProcesses.of(agent)))
                .as("exit status after SIGTERM")
                .isZero();
    }

    @Test
    void sigtermEndsARunningAgentWithNothingLeftAndItsKernelStateStays() throws IOException {
        ManagedProcess agent = agents.startReady(node1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(agents.subnetFile(node1))))
                .as("the subnet file's mode")
                .isEqualTo("rw-r--r--");

        assertThat(OwnProcesses.terminate(agent, OwnProcesses.ofRunning(agent)))
                .as("exit status after SIGTERM")
                .isZero();
        assertThat(agent.logs()).contains("Exiting cleanly...");
        assertThat(node1.exec("ip", "link", "show", "flannel.1").succeeded())
                .as("flannel.1 stays (as Flannel's)")
                .isTrue();
    }

    @Test
    void itsLeaseIsRenewedToADayWhenItsExpiryNears() {
        ManagedProcess agent = agents.startReady(node1);
        String key = ShellAgents.leaseKey(agents.subnet(node1));
        String value = topology.etcd().get(key).orElseThrow();

        // 70 s left: within the default margin of an hour, so the renewal is due at once.
        topology.etcd().putWithTtl(key, value, Duration.ofSeconds(70));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> topology.etcd().timeToLive(key).orElse(0) > 86_000);
        assertThat(agent.logs()).contains("Lease renewed, new expiration");
        assertThat(topology.etcd().get(key)).contains(value);
    }

    @Test
    void aWatchThatEndsIsTakenUpAgainAndMissesNoLease() {
        ManagedProcess agent = agents.startReady(node1);
        ProcessHandle watcher =
                OwnProcesses.watcher(OwnProcesses.ofRunning(agent)).orElseThrow();

        watcher.destroy();
        topology.etcd().put(ShellAgents.leaseKey("10.1.99.0"), FOREIGN_LEASE);

        await().atMost(Duration.ofSeconds(10)).until(() -> routesViaFlannel(node1, "10.1.99.0/24"));
        assertThat(agent.logs()).containsPattern("ended \\(etcdctl exit .*\\); resyncing");
        topology.etcd().delete(ShellAgents.leaseKey("10.1.99.0"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !routesViaFlannel(node1, "10.1.99.0/24"));
    }

    @Test
    void aLeaseOfAnotherBackendIsIgnoredAndSaidSo() {
        ManagedProcess agent = agents.startReady(node1);

        topology.etcd()
                .put(
                        ShellAgents.leaseKey("10.1.98.0"),
                        "{\"PublicIP\":\"10.168.0.98\",\"PublicIPv6\":null,\"BackendType\":\"host-gw\"}");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> agent.logs().contains("ignoring non-vxlan v4Subnet(10.1.98.0/24)"));
        assertThat(node1.exec("ip", "-4", "route", "show", "10.1.98.0/24").stdout())
                .isBlank();
    }

    @Test
    void whenItsOwnLeaseIsDeletedItExitsZeroAndARestartTakesThePreviousSubnetBack() {
        agents.startReady(node1);
        ManagedProcess agent = agents.startReady(node2);
        String subnet = agents.subnet(node2);
        List<ProcessHandle> own = OwnProcesses.ofRunning(agent);

        topology.etcd().delete(ShellAgents.leaseKey(subnet));

        assertThat(agent.waitFor(Duration.ofSeconds(10)))
                .as("node2's exit status")
                .contains(0);
        assertThat(agent.logs()).contains("Lease has been revoked. Shutting down daemon.");
        OwnProcesses.assertNoneLeft(own);
        ManagedProcess again = agents.start(node2);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> topology.etcd().get(ShellAgents.leaseKey(subnet)).isPresent());
        assertThat(again.logs()).contains("Found previously leased subnet (" + subnet + "/24), reusing");
    }

    @Test
    void sigkillLeavesNoProcessBehindAndARestartKeepsSubnetAndMac() {
        ManagedProcess agent = agents.startReady(node1);
        String subnet = agents.subnet(node1);
        String mac = vtepMac(node1);
        List<ProcessHandle> own = OwnProcesses.ofRunning(agent);

        ProcessHandle.of(agent.pid()).ifPresent(ProcessHandle::destroyForcibly);

        assertThat(agent.waitFor(Duration.ofSeconds(5))).as("killed").isPresent();
        OwnProcesses.assertNoneLeft(own);
        ManagedProcess again = agents.start(node1);
        await().atMost(Duration.ofSeconds(20)).until(() -> again.logs()
                .contains("Found lease (ip: " + subnet + "/24 ipv6: ) for current IP (" + node1.address()
                        + "), reusing"));
        assertThat(vtepMac(node1)).isEqualTo(mac);
    }

    private static boolean routesViaFlannel(Node node, String subnet) {
        return node.exec("ip", "-4", "route", "show", subnet).stdout().contains("dev flannel.1");
    }

    private static String vtepMac(Node node) {
        String link =
                node.exec("ip", "-o", "link", "show", "flannel.1").orThrow().stdout();
        return link.replaceAll("(?s).*link/ether (\\S+).*", "$1").strip();
    }
}
