package org.flannel.harness.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flannel.harness.expect.ExpectationRow;
import org.flannel.harness.expect.FrameMatcher;
import org.flannel.harness.expect.Symbols;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real kernel VXLAN traffic between two namespaces, captured with tcpdump, decoded, and compared field by field
 * with tshark's dissection: outer and inner headers, checksum status, a snaplen-96 capture, VNI 4096 on port
 * 4789, a capture on the VXLAN device itself, UDP and TCP probes and a fragmented inner ping. Needs root.
 */
class WireOracleIT {

    private static final Path OUTPUT = Path.of("target", "wire-oracle");
    private static final Map<String, TsharkOracle.Report> REPORTS = new LinkedHashMap<>();

    @BeforeAll
    static void needsRootAndTools() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "builds network namespaces: run as root");
        assumeTrue(TsharkPdml.available(), "tshark is not installed");
        Files.createDirectories(OUTPUT);
        FcwireNetwork.sweep();
    }

    @AfterAll
    static void cleanUpAndSummarise() throws Exception {
        FcwireNetwork.sweep();
        REPORTS.forEach((capture, report) -> System.out.println("[oracle] " + capture + ": " + report.summary()));
    }

    @Test
    void vxlanOnFlannelsPortAgreesWithTshark() throws Exception {
        List<Frame> frames;
        try (FcwireNetwork network = FcwireNetwork.create(1, 8472)) {
            Path pcap = captureTraffic(network, "eth0", "vxlan-8472-vni1.pcap", 262144, true);
            frames = checkedAgainstTshark(pcap);
        }
        assertThat(frames).anySatisfy(frame -> {
            assertThat(frame.value("vxlan.vni")).hasValue("1");
            assertThat(frame.value("inner.icmp.type")).hasValue("8");
        });
        assertThat(frames).anySatisfy(frame -> assertThat(frame.value("inner.udp.destination_port"))
                .hasValue("5000"));
        assertThat(frames).anySatisfy(frame -> assertThat(frame.value("inner.tcp.flags.syn"))
                .hasValue("1"));
        assertThat(frames).anySatisfy(frame -> assertThat(frame.value("inner.ipv4.flags.mf"))
                .hasValue("1"));
        assertThat(frames).flatMap(Frame::violations).isEmpty();

        Symbols topology = Symbols.of(
                Map.of("node2.vtep.mac", FcwireNetwork.NODE2_VTEP_MAC, "node2.eth0.ip", FcwireNetwork.NODE2_IP));
        new FrameMatcher(topology)
                .match(
                        frames,
                        List.of(
                                ExpectationRow.of("outer ipv4", "destination", "node2.eth0.ip"),
                                ExpectationRow.of("outer ipv4", "header_checksum", "valid"),
                                ExpectationRow.of("outer udp", "destination_port", "8472"),
                                ExpectationRow.of("outer udp", "checksum", "zero or valid"),
                                ExpectationRow.of("vxlan", "i_flag", "1"),
                                ExpectationRow.of("vxlan", "vni", "1"),
                                ExpectationRow.of("inner ethernet", "destination", "node2.vtep.mac"),
                                ExpectationRow.of("inner ipv4", "destination", FcwireNetwork.POD_ON_NODE2),
                                ExpectationRow.of("inner icmp", "type", "8"),
                                ExpectationRow.of("inner icmp", "checksum", "valid")))
                .assertFound();
    }

    @Test
    void snaplen96CaptureAgreesWithTsharkOnWhatIsThere() throws Exception {
        List<Frame> frames;
        try (FcwireNetwork network = FcwireNetwork.create(1, 8472)) {
            Path pcap = captureTraffic(network, "eth0", "vxlan-8472-snaplen96.pcap", 96, true);
            frames = checkedAgainstTshark(pcap);
        }
        assertThat(frames).anySatisfy(frame -> {
            assertThat(frame.isTruncated()).isTrue();
            assertThat(frame.checksumStatus("outer.udp.checksum")).hasValueSatisfying(status -> assertThat(status)
                    .isIn(ChecksumStatus.UNVERIFIABLE, ChecksumStatus.ZERO));
            assertThat(frame.checksumStatus("inner.icmp.checksum")).hasValue(ChecksumStatus.UNVERIFIABLE);
        });
        assertThat(frames).flatMap(Frame::violations).isEmpty();
    }

    @Test
    void vni4096OnPort4789AgreesWithTshark() throws Exception {
        List<Frame> frames;
        try (FcwireNetwork network = FcwireNetwork.create(4096, 4789)) {
            Path pcap = captureTraffic(network, "eth0", "vxlan-4789-vni4096.pcap", 262144, false);
            frames = checkedAgainstTshark(pcap);
        }
        assertThat(frames).anySatisfy(frame -> {
            assertThat(frame.value("vxlan.vni")).hasValue("4096");
            assertThat(frame.value("outer.udp.destination_port")).hasValue("4789");
        });
        assertThat(frames).flatMap(Frame::violations).isEmpty();
    }

    @Test
    void captureOnTheVxlanDeviceHasNoOuterLayers() throws Exception {
        List<Frame> frames;
        try (FcwireNetwork network = FcwireNetwork.create(1, 8472)) {
            Path pcap = captureTraffic(network, network.vtep(), "flannel1-device.pcap", 262144, false);
            frames = checkedAgainstTshark(pcap);
        }
        assertThat(frames).isNotEmpty().allSatisfy(frame -> assertThat(frame.isEncapsulated())
                .isFalse());
        assertThat(frames).anySatisfy(frame -> {
            assertThat(frame.value("ethernet.destination")).hasValue(FcwireNetwork.NODE2_VTEP_MAC);
            assertThat(frame.value("ipv4.destination")).hasValue(FcwireNetwork.POD_ON_NODE2);
        });
        assertThat(frames).flatMap(Frame::violations).isEmpty();
    }

    /** Pings, a UDP probe, a TCP probe to a closed port and, when asked, a ping fragmented inside the tunnel. */
    private static Path captureTraffic(FcwireNetwork network, String iface, String name, int snaplen, boolean probes)
            throws IOException, InterruptedException {
        Path pcap = OUTPUT.resolve(name).toAbsolutePath();
        Files.deleteIfExists(pcap);
        try (PacketCapture capture = network.capture(FcwireNetwork.NODE1, iface, pcap, snaplen)) {
            network.exec(FcwireNetwork.NODE1, "ping", "-c", "2", "-i", "0.2", "-W", "2", FcwireNetwork.POD_ON_NODE2);
            if (probes) {
                network.exec(
                        FcwireNetwork.NODE1,
                        "bash",
                        "-c",
                        "echo probe > /dev/udp/" + FcwireNetwork.POD_ON_NODE2 + "/5000");
                network.execAllowingFailure(
                        FcwireNetwork.NODE1, "bash", "-c", "exec 3<>/dev/tcp/" + FcwireNetwork.POD_ON_NODE2 + "/5001");
                network.exec(
                        FcwireNetwork.NODE1,
                        "ping",
                        "-c",
                        "1",
                        "-s",
                        "2000",
                        "-M",
                        "dont",
                        "-W",
                        "2",
                        FcwireNetwork.POD_ON_NODE2);
            }
            capture.stop();
        }
        return pcap;
    }

    private static List<Frame> checkedAgainstTshark(Path pcap) throws IOException, InterruptedException {
        List<Frame> frames = PcapReader.read(pcap, 8472, 4789);
        TsharkOracle.Report report =
                TsharkOracle.compare(pcap.getFileName().toString(), frames, TsharkPdml.dissect(pcap));
        REPORTS.put(pcap.getFileName().toString(), report);
        assertThat(frames).as("frames in " + pcap).isNotEmpty();
        assertThat(report.mismatches).as(report.summary()).isEmpty();
        return frames;
    }
}
