package org.flannel.harness.expect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flannel.harness.wire.Frame;
import org.flannel.harness.wire.FrameDecoder;
import org.flannel.harness.wire.LinkTypes;
import org.flannel.harness.wire.Packets;
import org.flannel.harness.wire.PcapReader;
import org.junit.jupiter.api.Test;

class FrameMatcherTest {

    private static final Symbols TOPOLOGY = Symbols.of(Map.of(
            "node2.vtep.mac", Packets.NODE2_VTEP_MAC,
            "node2.eth0.mac", Packets.NODE2_ETH0_MAC,
            "node2.eth0.ip", "10.168.0.3",
            "lease(10.1.16.0/24).VtepMAC", Packets.NODE2_VTEP_MAC));

    private final FrameDecoder decoder = new FrameDecoder();
    private final FrameMatcher matcher = new FrameMatcher(TOPOLOGY);

    @Test
    void findsTheFramesMatchingEveryRow() {
        List<Frame> frames = capture(Packets.hostGwPing(), Packets.vxlanPing());

        MatchResult result = matcher.match(
                frames,
                List.of(
                        row("outer ethernet", "destination", "node2.eth0.mac"),
                        row("outer ipv4", "ttl", "64"),
                        row("outer ipv4", "header_checksum", "valid"),
                        row("outer udp", "source_port", "in 32768..61000"),
                        row("outer udp", "checksum", "zero or valid"),
                        row("vxlan", "vni", "1"),
                        row("inner ethernet", "destination", "lease(10.1.16.0/24).VtepMAC"),
                        row("inner ipv4", "destination", "10.1.16.3"),
                        row("inner icmp", "checksum", "valid")));

        assertThat(result.found()).as(result.report()).isTrue();
        assertThat(result.matches()).extracting(Frame::index).containsExactly(1);
        assertThat(result.report()).contains("matches all 9 rows");
    }

    @Test
    void aWrongVniIsReportedAsAFieldDiffAgainstTheClosestFrame() {
        byte[] vni2 = Packets.vxlanFrame(
                2, 8472, Packets.ethernet(Packets.NODE2_VTEP_MAC, Packets.NODE1_VTEP_MAC, 0x0800, Packets.podPing(63)));
        List<Frame> frames = capture(Packets.hostGwPing(), vni2);

        MatchResult result = matcher.match(
                frames, List.of(row("vxlan", "vni", "1"), row("inner ethernet", "destination", "node2.vtep.mac")));

        assertThat(result.found()).isFalse();
        assertThat(result.closest())
                .hasValueSatisfying(
                        closest -> assertThat(closest.frame().index()).isEqualTo(1));
        assertThat(result.report())
                .contains("closest is frame #2")
                .containsPattern("\\| vxlan\\.vni +\\| 1 +\\| 2 +\\| ✗ +\\|")
                .containsPattern("\\| inner\\.ethernet\\.destination +\\| node2\\.vtep\\.mac = 5e:f8:4f:00:e3:37 +"
                        + "\\| 5e:f8:4f:00:e3:37 +\\| ✓ +\\|")
                .doesNotContain("0x0000:"); // a diff, never a hexdump
        assertThatThrownBy(result::assertFound)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("vxlan.vni");
    }

    @Test
    void unknownSymbolIsAClearError() {
        assertThatThrownBy(() -> matcher.match(
                        List.of(frame(Packets.vxlanPing())),
                        List.of(row("inner ethernet", "destination", "node3.vtep.mac"))))
                .isInstanceOf(UnknownSymbolException.class)
                .hasMessageContaining("unknown symbol 'node3.vtep.mac'")
                .hasMessageContaining("node2.vtep.mac");
    }

    @Test
    void unknownFieldIsAClearError() {
        assertThatThrownBy(() -> matcher.match(List.of(frame(Packets.vxlanPing())), List.of(row("vxlan", "vnid", "1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("| vxlan | vnid | 1 |")
                .hasMessageContaining("vxlan fields: flags, i_flag, reserved_flags, reserved1, vni, reserved2");
    }

    @Test
    void fieldsTheTableDoesNotNameAreStillJudgedByTheProtocolRules() {
        byte[] badChecksum = Packets.vxlanPing();
        badChecksum[14 + 11] ^= 1;

        MatchResult result = matcher.match(List.of(frame(badChecksum)), List.of(row("vxlan", "vni", "1")));

        assertThat(result.found()).isFalse();
        assertThat(result.rowMatches()).hasSize(1);
        assertThat(result.report())
                .contains("matches all 1 rows but breaks 1 protocol rule")
                .containsPattern("\\| outer\\.ipv4\\.header_checksum +\\| rule valid: 0x[0-9a-f]{4} \\(computed\\) +"
                        + "\\| 0x[0-9a-f]{4} +\\| ✗ +\\|");
    }

    @Test
    void aNamedFieldIsJudgedByItsRowAlone() {
        byte[] badChecksum = Packets.vxlanPing();
        badChecksum[14 + 11] ^= 1;
        List<Frame> frames = List.of(frame(badChecksum));

        assertThat(matcher.match(frames, List.of(row("vxlan", "vni", "1"), row("outer ipv4", "header_checksum", "any")))
                        .found())
                .isTrue();
        assertThat(matcher.match(frames, List.of(row("outer ipv4", "header_checksum", "valid")))
                        .report())
                .containsPattern("\\| outer\\.ipv4\\.header_checksum +\\| valid \\(0x[0-9a-f]{4} \\(computed\\)\\) +"
                        + "\\| 0x[0-9a-f]{4} \\(wrong\\) +\\| ✗");
    }

    @Test
    void zeroUdpChecksumIsZeroOrValidButNotValid() {
        byte[] zero = Packets.vxlanPing();
        Packets.put16(zero, 34 + 6, 0);
        List<Frame> frames = List.of(frame(zero));

        assertThat(matcher.match(frames, List.of(row("outer udp", "checksum", "zero or valid")))
                        .found())
                .isTrue();
        assertThat(matcher.match(frames, List.of(row("outer udp", "checksum", "valid")))
                        .report())
                .contains("0x0000 (not computed)");
    }

    @Test
    void lengthsAreValidWhenTheyAgreeWithTheBytes() {
        byte[] longer = Packets.vxlanPing();
        Packets.put16(longer, 34 + 4, 115);
        List<Frame> frames = capture(Packets.vxlanPing(), longer);

        MatchResult result = matcher.match(frames, List.of(row("outer udp", "length", "valid")));

        assertThat(result.matches()).extracting(Frame::index).containsExactly(0);
    }

    @Test
    void decrementedByComparesWithTheReferenceFrameWhateverItsPrefix() {
        Frame sent = decoder.decode(LinkTypes.RAW, Packets.podPing(64));
        List<Frame> frames = List.of(frame(Packets.vxlanPing()));

        MatchResult once =
                matcher.withReference(sent).match(frames, List.of(row("inner ipv4", "ttl", "decremented by 1")));
        MatchResult twice =
                matcher.withReference(sent).match(frames, List.of(row("inner ipv4", "ttl", "decremented by 2")));

        assertThat(once.found()).as(once.report()).isTrue();
        assertThat(twice.report())
                .containsPattern("\\| inner\\.ipv4\\.ttl +\\| 62 \\(decremented by 2 from 64 at "
                        + "reference ipv4\\.ttl\\) +\\| 63 +\\| ✗");
        assertThatThrownBy(() -> matcher.match(frames, List.of(row("inner ipv4", "ttl", "decremented by 1"))))
                .hasMessageContaining("reference frame");
    }

    @Test
    void asSentComparesWithTheReferenceFrameAndCatchesAForwarderThatRewritesDfOrIdentification() {
        Frame sent = decoder.decode(
                LinkTypes.ETHERNET,
                Packets.ethernet(Packets.NODE1_ETH0_MAC, Packets.NODE2_ETH0_MAC, 0x0800, Packets.podPing(64)));
        List<ExpectationRow> rows = List.of(
                row("ipv4", "flags.df", "as sent"),
                row("ipv4", "identification", "as sent"),
                row("ipv4", "ttl", "decremented by 1"));
        byte[] dfCleared = Packets.hostGwPing();
        dfCleared[14 + 6] = 0;
        Packets.fixIpv4Checksum(dfCleared, 14);
        byte[] newIdentification = Packets.hostGwPing();
        Packets.put16(newIdentification, 14 + 4, 0);
        Packets.fixIpv4Checksum(newIdentification, 14);

        MatchResult forwarded = matcher.withReference(sent).match(List.of(frame(Packets.hostGwPing())), rows);
        MatchResult clearedDf = matcher.withReference(sent).match(List.of(frame(dfCleared)), rows);
        MatchResult zeroed = matcher.withReference(sent).match(List.of(frame(newIdentification)), rows);

        assertThat(forwarded.found()).as(forwarded.report()).isTrue();
        assertThat(clearedDf.found()).isFalse();
        assertThat(clearedDf.report())
                .containsPattern(
                        "\\| ipv4\\.flags\\.df +\\| 1 \\(as sent: reference " + "ipv4\\.flags\\.df\\) +\\| 0 +\\| ✗");
        assertThat(zeroed.found()).isFalse();
        assertThat(zeroed.report())
                .containsPattern("\\| ipv4\\.identification +\\| 0x65a3 \\(as sent: "
                        + "reference ipv4\\.identification\\) +\\| 0x0000 +\\| ✗");
        assertThatThrownBy(() -> matcher.match(List.of(frame(Packets.hostGwPing())), rows))
                .hasMessageContaining("reference frame");
    }

    @Test
    void literalsCompareAsValuesNotAsText() {
        List<Frame> frames = List.of(frame(Packets.vxlanPing()));

        MatchResult result = matcher.match(
                frames,
                List.of(
                        row("outer ipv4", "identification", "7238"),
                        row("outer ethernet", "ethertype", "2048"),
                        row("inner ethernet", "destination", "5E-F8-4F-00-E3-37"),
                        row("inner ipv4", "flags.df", "set"),
                        row("outer ethernet", "vlan", "absent"),
                        row("vxlan", "flags", "0x8")));

        assertThat(result.found()).as(result.report()).isTrue();
    }

    @Test
    void noFrameMatchingSaysHowManyFramesTheCapturePointSaw() {
        List<Frame> frames = capture(Packets.hostGwPing(), Packets.vxlanPing());

        NoMatchResult none = matcher.expectNone(frames, List.of(row("vxlan", "vni", "2")));
        NoMatchResult some = matcher.expectNone(frames, List.of(row("vxlan", "vni", "1")));
        NoMatchResult empty = matcher.expectNone(List.of(), List.of(row("vxlan", "vni", "1")));

        assertThat(none.ok()).isTrue();
        assertThat(none.totalFrames()).isEqualTo(2);
        assertThat(none.report()).contains("none of the 2 frames");
        assertThat(some.ok()).isFalse();
        assertThat(some.offendingFrames()).extracting(Frame::index).containsExactly(1);
        assertThatThrownBy(some::assertNone)
                .hasMessageContaining("1 of 2 frames match although none may")
                .hasMessageMatching("(?s).*\\| vxlan\\.vni +\\| 1 +\\| 1 +\\| ✓.*");
        assertThat(empty.ok()).isTrue();
        assertThat(empty.report()).contains("it saw nothing");
    }

    @Test
    void anEmptyCaptureSaysSo() {
        MatchResult result = matcher.match(List.of(), List.of(row("vxlan", "vni", "1")));

        assertThat(result.found()).isFalse();
        assertThat(result.report()).contains("no frame at all").contains("| vxlan | vni | 1 |");
    }

    @Test
    void realCaptureFromTwoNamespaces() throws Exception {
        Path pcap = Path.of(getClass().getResource("/pcap/vxlan-8472-vni1.pcap").toURI());
        List<Frame> frames = PcapReader.read(pcap);

        MatchResult echo = matcher.match(
                frames,
                List.of(
                        row("outer ipv4", "destination", "node2.eth0.ip"),
                        row("outer udp", "destination_port", "8472"),
                        row("vxlan", "vni", "1"),
                        row("inner ethernet", "destination", "node2.vtep.mac"),
                        row("inner ipv4", "destination", "10.1.16.3"),
                        row("inner icmp", "type", "8")));
        NoMatchResult otherVni = matcher.expectNone(frames, List.of(row("vxlan", "vni", "2")));

        assertThat(echo.matches()).extracting(Frame::number).containsExactly(3, 5, 11); // 11: first fragment
        assertThat(otherVni.ok()).isTrue();
        assertThat(otherVni.totalFrames()).isEqualTo(14);
    }

    private Frame frame(byte[] bytes) {
        return decoder.decode(LinkTypes.ETHERNET, bytes);
    }

    /** Frames numbered in capture order, as a capture would give them. */
    private List<Frame> capture(byte[]... frames) {
        List<Frame> result = new java.util.ArrayList<>();
        for (byte[] bytes : frames) {
            result.add(decoder.decode(result.size(), java.time.Instant.EPOCH, LinkTypes.ETHERNET, bytes, bytes.length));
        }
        return result;
    }

    private static ExpectationRow row(String layer, String field, String expected) {
        return ExpectationRow.of(layer, field, expected);
    }
}
