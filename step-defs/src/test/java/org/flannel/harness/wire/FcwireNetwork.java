package org.flannel.harness.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces, {@code fcwire-a} (node1) and {@code fcwire-b} (node2), joined by a veth pair that
 * lives only inside them, with VXLAN devices programmed the way Flannel programs them: a permanent neighbour
 * for the peer's subnet address, an FDB entry to the peer's node IP, and an onlink route. Nothing touches the
 * root namespace.
 */
final class FcwireNetwork implements AutoCloseable {

    static final String PREFIX = "fcwire-";
    static final String NODE1 = PREFIX + "a";
    static final String NODE2 = PREFIX + "b";
    static final String NODE1_IP = "10.168.0.2";
    static final String NODE2_IP = "10.168.0.3";
    static final String NODE1_VTEP_MAC = "5e:f8:4f:00:e3:36";
    static final String NODE2_VTEP_MAC = "5e:f8:4f:00:e3:37";
    static final String POD_ON_NODE2 = "10.1.16.3";

    private final String vtep;

    private FcwireNetwork(String vtep) {
        this.vtep = vtep;
    }

    /** Deletes namespaces a killed earlier run left behind (only those with this test's prefix). */
    static void sweep() throws IOException, InterruptedException {
        for (String line : run(List.of("ip", "netns", "list")).split("\n")) {
            String name = line.trim().split("\\s+")[0];
            if (name.startsWith(PREFIX)) {
                run(List.of("ip", "netns", "delete", name));
            }
        }
    }

    /** Builds both nodes with {@code flannel.<vni>} on the given UDP port. */
    static FcwireNetwork create(int vni, int port) throws IOException, InterruptedException {
        sweep();
        FcwireNetwork network = new FcwireNetwork("flannel." + vni);
        try {
            network.build(vni, port);
        } catch (IOException | InterruptedException | RuntimeException e) {
            network.close();
            throw e;
        }
        return network;
    }

    private void build(int vni, int port) throws IOException, InterruptedException {
        ip("netns", "add", NODE1);
        ip("netns", "add", NODE2);
        ip(
                "-n",
                NODE1,
                "link",
                "add",
                "eth0",
                "address",
                "02:00:0a:a8:00:02",
                "type",
                "veth",
                "peer",
                "name",
                "eth0",
                "address",
                "02:00:0a:a8:00:03",
                "netns",
                NODE2);
        node(NODE1, NODE1_IP, NODE1_VTEP_MAC, "10.1.15.0", vni, port);
        node(NODE2, NODE2_IP, NODE2_VTEP_MAC, "10.1.16.0", vni, port);
        ip("-n", NODE2, "address", "add", POD_ON_NODE2 + "/32", "dev", vtep);
        peer(NODE1, "10.1.16.0", NODE2_VTEP_MAC, NODE2_IP);
        peer(NODE2, "10.1.15.0", NODE1_VTEP_MAC, NODE1_IP);
    }

    private void node(String namespace, String nodeIp, String vtepMac, String subnetAddress, int vni, int port)
            throws IOException, InterruptedException {
        // IPv6 off: its neighbour discovery would only add frames nobody asked for
        exec(namespace, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        ip("-n", namespace, "link", "set", "lo", "up");
        ip("-n", namespace, "address", "add", nodeIp + "/24", "dev", "eth0");
        ip("-n", namespace, "link", "set", "eth0", "up");
        exec(namespace, "ethtool", "-K", "eth0", "tx", "off"); // real checksums on the wire
        ip(
                "-n",
                namespace,
                "link",
                "add",
                vtep,
                "address",
                vtepMac,
                "type",
                "vxlan",
                "id",
                Integer.toString(vni),
                "local",
                nodeIp,
                "dev",
                "eth0",
                "nolearning",
                "dstport",
                Integer.toString(port));
        ip("-n", namespace, "address", "add", subnetAddress + "/32", "dev", vtep);
        ip("-n", namespace, "link", "set", vtep, "up");
    }

    private void peer(String namespace, String peerSubnetAddress, String peerVtepMac, String peerNodeIp)
            throws IOException, InterruptedException {
        ip(
                "-n",
                namespace,
                "neigh",
                "replace",
                peerSubnetAddress,
                "lladdr",
                peerVtepMac,
                "dev",
                vtep,
                "nud",
                "permanent");
        exec(namespace, "bridge", "fdb", "replace", peerVtepMac, "dev", vtep, "dst", peerNodeIp, "self", "permanent");
        String subnet = peerSubnetAddress + "/24";
        ip("-n", namespace, "route", "replace", subnet, "via", peerSubnetAddress, "dev", vtep, "onlink");
    }

    String vtep() {
        return vtep;
    }

    /** Runs a command inside a namespace; fails on a non-zero exit. */
    String exec(String namespace, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        return run(full);
    }

    /** Runs a command inside a namespace and returns its exit code (a probe to a closed port fails on purpose). */
    int execAllowingFailure(String namespace, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + full);
        }
        return process.exitValue();
    }

    /** Starts tcpdump inside a namespace and returns once it is listening. */
    PacketCapture capture(String namespace, String iface, Path file, int snaplen)
            throws IOException, InterruptedException {
        // --immediate-mode: without it packets wait in libpcap's ring buffer and are lost when tcpdump is stopped
        return PacketCapture.start(
                List.of(
                        "ip",
                        "netns",
                        "exec",
                        namespace,
                        "tcpdump",
                        "-i",
                        iface,
                        "-w",
                        file.toString(),
                        "-U",
                        "--immediate-mode",
                        "-s",
                        Integer.toString(snaplen),
                        "-n"),
                file);
    }

    private void ip(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        run(command);
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            throw new IOException("failed (" + process.exitValue() + "): " + String.join(" ", command) + "\n" + output);
        }
        return output;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        sweep();
    }
}
