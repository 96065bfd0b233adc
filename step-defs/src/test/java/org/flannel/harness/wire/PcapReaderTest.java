package org.flannel.harness.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the real captures kept as resources (made by WireOracleIT in two namespaces); needs libpcap, not root. */
class PcapReaderTest {

    @TempDir
    Path directory;

    @Test
    void readsEveryFrameWithItsBytesTimestampAndLinkType() throws Exception {
        List<Frame> frames = PcapReader.read(resource("vxlan-8472-vni1.pcap"));

        assertThat(frames).hasSize(14);
        assertThat(frames).allSatisfy(frame -> {
            assertThat(frame.linkType()).isEqualTo(LinkTypes.ETHERNET);
            assertThat(frame.bytes()).hasSize(frame.capturedLength());
            assertThat(frame.isTruncated()).isFalse();
        });
        assertThat(frames).extracting(Frame::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(frames.get(1).timestamp()).isAfter(frames.get(0).timestamp());
        Frame request = frames.get(2);
        assertThat(request.value("vxlan.vni")).hasValue("1");
        assertThat(request.value("outer.udp.destination_port")).hasValue("8472");
        assertThat(request.value("inner.ethernet.destination")).hasValue("5e:f8:4f:00:e3:37");
        assertThat(request.value("inner.icmp.type")).hasValue("8");
        assertThat(frames).flatMap(Frame::violations).isEmpty();
    }

    @Test
    void theLinkTypeTellsARawIpCaptureFromAnEthernetOneEvenWithoutFrames() throws Exception {
        Path tun = PcapFileWriter.write(directory.resolve("tun.pcap"), LinkTypes.LINKTYPE_RAW, List.of());
        Path tap = PcapFileWriter.write(
                directory.resolve("tap.pcap"),
                LinkTypes.ETHERNET,
                List.of(PcapFileWriter.Record.whole(Packets.hostGwPing())));

        assertThat(LinkTypes.isRawIp(PcapReader.linkType(tun)))
                .as(LinkTypes.name(PcapReader.linkType(tun)))
                .isTrue();
        assertThat(PcapReader.linkType(tap)).isEqualTo(LinkTypes.ETHERNET);
        assertThat(LinkTypes.isRawIp(PcapReader.linkType(resource("vxlan-8472-vni1.pcap"))))
                .isFalse();
        assertThatThrownBy(() -> PcapReader.linkType(directory.resolve("missing.pcap")))
                .hasMessageContaining("no such readable file");
    }

    @Test
    void snaplenCaptureIsMarkedTruncatedAndBreaksNoRule() throws Exception {
        List<Frame> frames = PcapReader.read(resource("vxlan-8472-snaplen96.pcap"));

        assertThat(frames).filteredOn(Frame::isTruncated).isNotEmpty().allSatisfy(frame -> assertThat(
                        frame.capturedLength())
                .isEqualTo(96));
        assertThat(frames).flatMap(Frame::violations).isEmpty();
    }

    @Test
    void vxlanOnAnotherPortNeedsThatPort() throws Exception {
        Path pcap = resource("vxlan-4789-vni4096.pcap");

        assertThat(PcapReader.read(pcap, 4789).get(2).value("vxlan.vni")).hasValue("4096");
        assertThat(PcapReader.read(pcap).get(2).layers())
                .extracting(Layer::name)
                .containsExactly("ethernet", "ipv4", "udp");
    }

    @Test
    void captureOnTheVxlanDeviceHasNoOuterPrefix() throws Exception {
        Frame frame = PcapReader.read(resource("flannel1-device.pcap")).get(0);

        assertThat(frame.layers()).extracting(Layer::name).containsExactly("ethernet", "ipv4", "icmp");
    }

    @Test
    void aMissingOrBrokenFileIsAClearError() throws Exception {
        Path broken = Files.writeString(directory.resolve("broken.pcap"), "not a capture");

        assertThatThrownBy(() -> PcapReader.read(directory.resolve("absent.pcap")))
                .isInstanceOf(PcapReader.PcapReadException.class)
                .hasMessageContaining("absent.pcap");
        assertThatThrownBy(() -> PcapReader.read(broken))
                .isInstanceOf(PcapReader.PcapReadException.class)
                .hasMessageContaining("broken.pcap");
    }

    @Test
    void handWrittenRawIpCaptureStartsAtIpv4() throws Exception {
        Path pcap = PcapFileWriter.write(
                directory.resolve("tun.pcap"),
                LinkTypes.LINKTYPE_RAW,
                List.of(PcapFileWriter.Record.whole(Packets.podPing(64))));

        Frame frame = PcapReader.read(pcap).get(0);

        assertThat(LinkTypes.isRawIp(frame.linkType())).isTrue();
        assertThat(frame.layers()).extracting(Layer::name).containsExactly("ipv4", "icmp");
    }

    static Path resource(String name) throws Exception {
        return TsharkOracleTest.resourceDirectory().resolve(name);
    }
}
