package org.flannel.reference.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.kernel.IfAddress;
import org.flannel.reference.kernel.Kernel;
import org.flannel.reference.kernel.KernelException;
import org.flannel.reference.kernel.MacAddress;
import org.flannel.reference.kernel.Route;
import org.flannel.reference.kernel.VxlanAttributes;
import org.flannel.reference.kernel.VxlanDeviceSpec;
import org.flannel.reference.kernel.iproute.IprouteKernel;
import org.flannel.reference.kernel.netlink.NetlinkKernel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The netlink kernel against the iproute2 one as an oracle: the same operations, IprouteKernel in one
 * fresh network namespace and NetlinkKernel in another, must leave the same kernel state, read in both
 * through {@code ip -json} and {@code bridge -json}. Also prints how long each takes to program 100 peers.
 */
class NetlinkKernelIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VXLAN = "flannel.1";
    private static final int PEERS = 100;
    private static final Ip4 LOCAL = Ip4.parse("10.168.0.2");
    private static final VxlanDeviceSpec SPEC = new VxlanDeviceSpec(
            VXLAN, MacAddress.parse("02:aa:bb:cc:dd:ee"), 1450, 1, LOCAL, "eth0", 8472, false, false);

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String oracleNamespace = "nl-oracle-" + suffix;
    private final String subjectNamespace = "nl-subject-" + suffix;
    private final List<String> created = new ArrayList<>();
    private IprouteKernel oracle;
    private NetlinkKernel subject;

    @BeforeEach
    void createNamespaces() {
        for (String namespace : List.of(oracleNamespace, subjectNamespace)) {
            run("ip", "netns", "add", namespace);
            created.add(namespace);
            prepareUnderlay(namespace);
        }
        oracle = IprouteKernel.inNamespace(oracleNamespace);
        subject = NetlinkKernel.openIn(Path.of("/run/netns", subjectNamespace));
    }

    @AfterEach
    void removeNamespaces() {
        if (subject != null) {
            subject.close();
        }
        for (String namespace : created) {
            run("ip", "netns", "delete", namespace);
        }
    }

    @Test
    void leavesTheSameKernelStateAsIproute2AndReadsItBackTheSame() {
        both(kernel -> {
            kernel.createVxlan(SPEC);
            kernel.setMtu(VXLAN, 1400);
            kernel.setUp(VXLAN);
            kernel.addAddress(VXLAN, new IfAddress(Ip4.parse("10.1.15.0"), 32));
        });
        assertSameState("the vxlan device");

        long oracleNanos = time(() -> programPeers(oracle, 0));
        long subjectNanos = time(() -> programPeers(subject, 0));
        assertSameState(PEERS + " peers");

        both(kernel -> {
            for (int peer = 0; peer < PEERS; peer += 3) {
                kernel.deleteRoute(peerRoute(peer));
                kernel.deleteNeighbour(VXLAN, peerGateway(peer));
                kernel.deleteFdbEntry(VXLAN, peerMac(peer, 0), peerPublicIp(peer));
            }
            for (int peer = 1; peer < PEERS; peer += 5) { // a peer rebooted with a new VTEP MAC
                kernel.replacePermanentNeighbour(VXLAN, peerGateway(peer), peerMac(peer, 1));
                kernel.replaceFdbEntry(VXLAN, peerMac(peer, 1), peerPublicIp(peer));
            }
            programPeer(kernel, 2, 0); // replacing with the same is harmless
            kernel.replaceRoute(Route.dev(Ip4Net.parse("10.2.0.0/16"), VXLAN)); // udp's route
            kernel.replaceRoute(Route.via(Ip4Net.parse("10.3.0.0/16"), Ip4.parse("10.168.0.3"), Optional.of("eth0")));
            kernel.addAddress(VXLAN, new IfAddress(Ip4.parse("10.1.15.1"), 24));
            kernel.addAddress(VXLAN, new IfAddress(Ip4.parse("10.1.15.2"), 32));
            kernel.deleteAddress(VXLAN, new IfAddress(Ip4.parse("10.1.15.2"), 32));
            kernel.setMtu(VXLAN, 1450);
        });
        assertSameState("peers removed and changed, other routes and addresses");

        assertThat(subject.links()).isEqualTo(oracle.links());
        assertThat(subject.link(VXLAN)).isEqualTo(oracle.link(VXLAN));
        assertThat(subject.link(VXLAN).orElseThrow().vxlan())
                .contains(new VxlanAttributes(
                        1, Optional.of(LOCAL), Optional.of("eth0"), 8472, false, false, Optional.empty()));
        assertThat(subject.link("eth0").orElseThrow().ipv4Addresses()).containsExactly(new IfAddress(LOCAL, 24));
        assertThat(subject.link("nothing")).isEmpty();
        assertThat(subject.routes()).isEqualTo(oracle.routes()).contains(peerRoute(1));
        assertThat(subject.defaultRouteLink()).isEqualTo(oracle.defaultRouteLink());
        assertThat(subject.defaultRouteLink().orElseThrow().name()).isEqualTo("eth0");
        for (Ip4 destination : List.of(Ip4.parse("10.168.0.3"), Ip4.parse("10.1.17.9"), Ip4.parse("192.0.2.1"))) {
            assertThat(subject.routeTo(destination)).isEqualTo(oracle.routeTo(destination));
        }

        long oracleRemoveNanos = time(() -> removePeers(oracle));
        long subjectRemoveNanos = time(() -> removePeers(subject));
        long oracleAgainNanos = time(() -> programPeers(oracle, 0));
        long subjectAgainNanos = time(() -> programPeers(subject, 0));
        assertSameState("peers removed and programmed again");

        both(kernel -> kernel.deleteLink(VXLAN));
        assertSameState("the vxlan device deleted");

        System.out.printf(
                Locale.ROOT,
                "BENCHMARK kernel programming, %d peers (route + neighbour + FDB entry each): "
                        + "iproute2 %d ms, netlink %d ms; removing them: iproute2 %d ms, netlink %d ms; "
                        + "programming them again: iproute2 %d ms, netlink %d ms%n",
                PEERS,
                oracleNanos / 1_000_000,
                subjectNanos / 1_000_000,
                oracleRemoveNanos / 1_000_000,
                subjectRemoveNanos / 1_000_000,
                oracleAgainNanos / 1_000_000,
                subjectAgainNanos / 1_000_000);
    }

    @Test
    void refusalsNameTheRequestAndTheKernelsReason() {
        both(kernel -> {
            kernel.createVxlan(SPEC);
            kernel.setUp(VXLAN);
            kernel.addAddress(VXLAN, new IfAddress(Ip4.parse("10.1.15.0"), 32));
        });

        assertThatThrownBy(() -> subject.addAddress(VXLAN, new IfAddress(Ip4.parse("10.1.15.0"), 32)))
                .isInstanceOf(KernelException.class)
                .hasMessageStartingWith("cannot add address 10.1.15.0/32 to flannel.1: File exists (errno 17)");
        assertThatThrownBy(() -> subject.createVxlan(SPEC))
                .hasMessageStartingWith("cannot create vxlan device flannel.1: File exists (errno 17)");
        // not on-link: the kernel refuses the gateway, and says why
        Route offLink = Route.via(Ip4Net.parse("10.4.0.0/16"), Ip4.parse("10.9.9.9"), Optional.of("eth0"));
        assertThatThrownBy(() -> subject.replaceRoute(offLink))
                .hasMessageStartingWith("cannot replace route 10.4.0.0/16 via 10.9.9.9 dev eth0: ")
                .hasMessageContaining("errno");
        assertThatThrownBy(() -> oracle.replaceRoute(offLink)).isInstanceOf(KernelException.class);
        assertThatThrownBy(() -> subject.deleteLink("nothing")).hasMessage("cannot find device \"nothing\"");
        assertThatThrownBy(() -> subject.deleteNeighbour(VXLAN, Ip4.parse("10.1.99.0")))
                .hasMessageStartingWith("cannot delete neighbour 10.1.99.0 dev flannel.1: No such file or directory");
        assertSameState("after the refusals");
    }

    private void both(Consumer<Kernel> operations) {
        operations.accept(oracle);
        operations.accept(subject);
    }

    private static void programPeers(Kernel kernel, int macGeneration) {
        for (int peer = 0; peer < PEERS; peer++) {
            programPeer(kernel, peer, macGeneration);
        }
    }

    /** What vxlan does per remote lease: neighbour, FDB entry, then the on-link route. */
    private static void programPeer(Kernel kernel, int peer, int macGeneration) {
        kernel.replacePermanentNeighbour(VXLAN, peerGateway(peer), peerMac(peer, macGeneration));
        kernel.replaceFdbEntry(VXLAN, peerMac(peer, macGeneration), peerPublicIp(peer));
        kernel.replaceRoute(peerRoute(peer));
    }

    /** Removes whatever each peer has left (after the changes above some have none, some two FDB entries). */
    private static void removePeers(Kernel kernel) {
        for (Route route : kernel.routes()) {
            if (route.onlink()) {
                kernel.deleteRoute(route);
            }
        }
        for (int peer = 0; peer < PEERS; peer++) {
            for (int generation = 0; generation < 2; generation++) {
                try {
                    kernel.deleteFdbEntry(VXLAN, peerMac(peer, generation), peerPublicIp(peer));
                } catch (KernelException absent) {
                    // removed before, or never there
                }
            }
            try {
                kernel.deleteNeighbour(VXLAN, peerGateway(peer));
            } catch (KernelException absent) {
                // removed before
            }
        }
    }

    private static Ip4 peerGateway(int peer) {
        return Ip4.parse("10.1." + (16 + peer) + ".0");
    }

    private static Route peerRoute(int peer) {
        return Route.onlinkVia(Ip4Net.of(peerGateway(peer), 24), peerGateway(peer), VXLAN);
    }

    private static Ip4 peerPublicIp(int peer) {
        return Ip4.parse("10.168.1." + (peer + 1));
    }

    private static MacAddress peerMac(int peer, int generation) {
        return MacAddress.parse(String.format("02:00:00:00:%02x:%02x", generation, peer));
    }

    private void assertSameState(String when) {
        for (List<String> dump : List.of(
                List.of("ip", "-json", "-details", "link", "show"),
                List.of("ip", "-json", "-4", "address", "show"),
                List.of("ip", "-json", "-4", "route", "show", "table", "all"),
                List.of("ip", "-json", "-4", "neigh", "show"),
                List.of("bridge", "-json", "fdb", "show"))) {
            assertThat(entries(dump(subjectNamespace, dump)))
                    .as("%s: %s", when, String.join(" ", dump))
                    .isEqualTo(entries(dump(oracleNamespace, dump)));
        }
    }

    /**
     * A dump as its entries, sorted: the neighbour table is a hash table seeded per namespace, so the two
     * list the same entries in different orders.
     */
    private static String entries(JsonNode dump) {
        List<String> entries = new ArrayList<>();
        dump.forEach(entry -> entries.add(entry.toPrettyString()));
        return String.join(",\n", entries.stream().sorted().toList());
    }

    private static JsonNode dump(String namespace, List<String> command) {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(1, List.of("-n", namespace));
        String out = run(argv.toArray(String[]::new));
        try {
            return out.isBlank() ? JSON.createArrayNode() : JSON.readTree(out);
        } catch (IOException e) {
            throw new AssertionError("not JSON from " + argv + ": " + out, e);
        }
    }

    /**
     * The same underlay in both namespaces, set up by hand: eth0 (a veth with fixed MACs) with 10.168.0.2/24
     * and a default route. IPv6 is off so that no link-local address or router solicitation makes the
     * dumps differ by timing.
     */
    private static void prepareUnderlay(String namespace) {
        run(
                "ip",
                "netns",
                "exec",
                namespace,
                "sysctl",
                "-qw",
                "net.ipv6.conf.all.disable_ipv6=1",
                "net.ipv6.conf.default.disable_ipv6=1");
        run(
                "ip",
                "-n",
                namespace,
                "link",
                "add",
                "eth0",
                "address",
                "02:00:00:00:00:02",
                "type",
                "veth",
                "peer",
                "name",
                "eth0p",
                "address",
                "02:00:00:00:00:03");
        run("ip", "-n", namespace, "address", "add", LOCAL + "/24", "dev", "eth0");
        run("ip", "-n", namespace, "link", "set", "eth0p", "up");
        run("ip", "-n", namespace, "link", "set", "eth0", "up");
        run("ip", "-n", namespace, "route", "add", "default", "via", "10.168.0.1", "dev", "eth0");
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static String run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
