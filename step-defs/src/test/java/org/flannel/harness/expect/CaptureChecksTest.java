package org.flannel.harness.expect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flannel.harness.expect.PacketCopies.Carriage;
import org.flannel.harness.wire.Frame;
import org.flannel.harness.wire.FrameDecoder;
import org.flannel.harness.wire.LinkTypes;
import org.flannel.harness.wire.Packets;
import org.junit.jupiter.api.Test;

/** The judgements over a whole capture: each passes on what Flannel sends and fails on a crafted wrong one. */
class CaptureChecksTest {

    private final FrameDecoder decoder = new FrameDecoder();

    // --- every frame of the echo request, exactly once

    @Test
    void oneEncapsulatedCopyOfTheEchoRequestIsWhatVxlanSends() {
        List<Frame> frames = capture(Packets.vxlanPing());

        CaptureVerdict verdict =
                PacketCopies.echo(frames, "10.1.15.2", "10.1.16.3", 8).every(Carriage.ENCAPSULATED, 1);

        assertThat(verdict.ok()).as(verdict.report()).isTrue();
        assertThat(verdict.report()).contains("1 of the 1 frames captured carry the ICMP type 8 10.1.15.2 > 10.1.16.3");
    }

    @Test
    void aBareCopyBesideTheTunnelFails() {
        List<Frame> frames = capture(Packets.vxlanPing(), Packets.hostGwPing());

        CaptureVerdict verdict =
                PacketCopies.echo(frames, "10.1.15.2", "10.1.16.3", 8).every(Carriage.ENCAPSULATED, 1);

        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.report())
                .contains("2 of the 2 frames")
                .contains("✗ #2 98 bytes 10.1.15.2 → 10.1.16.3 icmp: bare");
        assertThatThrownBy(verdict::assertOk).isInstanceOf(AssertionError.class).hasMessageContaining("bare");
    }

    @Test
    void aSecondEncapsulatedCopyFails() {
        List<Frame> frames = capture(Packets.vxlanPing(), Packets.vxlanPing());

        CaptureVerdict verdict =
                PacketCopies.echo(frames, "10.1.15.2", "10.1.16.3", 8).every(Carriage.ENCAPSULATED, 1);

        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.report()).contains("1 copie(s) more than sent");
    }

    @Test
    void hostGwSendsItBareAndAnEncapsulatedCopyFails() {
        PacketCopies bare = PacketCopies.echo(capture(Packets.hostGwPing()), "10.1.15.2", "10.1.16.3", 8);
        PacketCopies both =
                PacketCopies.echo(capture(Packets.hostGwPing(), Packets.vxlanPing()), "10.1.15.2", "10.1.16.3", 8);

        assertThat(bare.every(Carriage.BARE, 1).ok()).isTrue();
        assertThat(both.every(Carriage.BARE, 1).ok()).isFalse();
        assertThat(bare.every(Carriage.ENCAPSULATED, 1).ok()).isFalse();
        assertThat(PacketCopies.echo(capture(Packets.hostGwPing()), "10.1.15.2", "10.1.16.3", 0)
                        .every(Carriage.BARE, 1)
                        .report())
                .contains("0 of the 1 frames");
    }

    // --- the outer UDP source port is a hash of the inner flow

    @Test
    void aFlowHashKeepsOnePortPerFlowAndSpreadsFlows() {
        List<Frame> frames = capture(flows(8, port -> 40000 + 37 * port, false));

        FlowHash hash = FlowHash.of(frames);

        assertThat(hash.samePortWithinEachFlow().ok())
                .as(hash.samePortWithinEachFlow().report())
                .isTrue();
        CaptureVerdict across = hash.portsDifferAcross(8, "10.1.15.2", "10.1.16.3");
        assertThat(across.ok()).as(across.report()).isTrue();
        assertThat(across.report())
                .contains("8 UDP flow(s) from 10.1.15.2 to 10.1.16.3")
                .contains("take 8 outer");
    }

    @Test
    void aFixedSourcePortIsCaught() {
        List<Frame> frames = capture(flows(8, port -> 37991, false));

        FlowHash hash = FlowHash.of(frames);

        assertThat(hash.samePortWithinEachFlow().ok()).isTrue();
        CaptureVerdict across = hash.portsDifferAcross(8, "10.1.15.2", "10.1.16.3");
        assertThat(across.ok()).isFalse();
        assertThat(across.report()).contains("take 1 outer source port(s): 37991");
    }

    @Test
    void aPortDrawnPerPacketIsCaught() {
        List<Frame> frames = capture(flows(8, port -> 40000 + 37 * port, true));

        CaptureVerdict within = FlowHash.of(frames).samePortWithinEachFlow();

        assertThat(within.ok()).isFalse();
        assertThat(within.report())
                .containsPattern("✗ UDP 10\\.1\\.15\\.2:\\d+ > 10\\.1\\.16\\.3:5001 \\(outer "
                        + "10\\.168\\.0\\.2 > 10\\.168\\.0\\.3\\): 2 frame\\(s\\), outer source port \\d+, \\d+");
    }

    @Test
    void oneHashCollisionAmongEightFlowsIsToleratedTwoAreNot() {
        CaptureVerdict one = FlowHash.of(capture(flows(8, port -> port <= 5002 ? 40000 : 40000 + port, false)))
                .portsDifferAcross(8, "10.1.15.2", "10.1.16.3");
        CaptureVerdict two = FlowHash.of(capture(flows(8, port -> port <= 5003 ? 40000 : 40000 + port, false)))
                .portsDifferAcross(8, "10.1.15.2", "10.1.16.3");
        CaptureVerdict tooFew = FlowHash.of(capture(flows(4, port -> 40000 + port, false)))
                .portsDifferAcross(8, "10.1.15.2", "10.1.16.3");

        assertThat(one.ok()).as(one.report()).isTrue();
        assertThat(two.ok()).as(two.report()).isFalse();
        assertThat(tooFew.ok()).as(tooFew.report()).isFalse();
    }

    @Test
    void icmpAndBareFramesAreNotFlows() {
        CaptureVerdict verdict =
                FlowHash.of(capture(Packets.vxlanPing(), Packets.hostGwPing())).samePortWithinEachFlow();

        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.report()).contains("no encapsulated TCP or UDP frame at all");
    }

    // --- the outer identification of fragmentable headers

    @Test
    void theKernelsCounterGivesEachFragmentableHeaderItsOwnIdentification() {
        CaptureVerdict verdict = OuterIdentification.unique(capture(flows(4, port -> 40000 + port, false)));

        assertThat(verdict.ok()).as(verdict.report()).isTrue();
        assertThat(verdict.report())
                .contains("8 encapsulated frame(s), 8 with DF clear")
                .contains("✓ 10.168.0.2 > 10.168.0.3 protocol 17: 8 frame(s), 8 identification(s)");
    }

    @Test
    void aFixedIdentificationWithDfClearIsCaught() {
        List<byte[]> frames = new ArrayList<>();
        for (int port = 5001; port <= 5004; port++) {
            frames.add(Packets.vxlanFlowFrame(40000 + port, 0, Packets.podDatagram(33000 + port, port, "x")));
        }

        CaptureVerdict verdict = OuterIdentification.unique(capture(frames.toArray(byte[][]::new)));

        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.report())
                .contains("✗ 10.168.0.2 > 10.168.0.3 protocol 17: identification 0x0000 in frames #1 #2 #3 #4");
    }

    @Test
    void atomicDatagramsAreNotJudgedButSomeFramesMustBeThere() {
        // Packets.vxlanPing() has DF set on the outer header and a fixed identification.
        CaptureVerdict atomic = OuterIdentification.unique(capture(Packets.vxlanPing(), Packets.vxlanPing()));
        CaptureVerdict one = OuterIdentification.unique(capture(Packets.vxlanPing(), Packets.hostGwPing()));

        assertThat(atomic.ok()).as(atomic.report()).isTrue();
        assertThat(atomic.report())
                .contains("2 encapsulated frame(s), 0 with DF clear")
                .contains("2 with DF set");
        assertThat(one.ok()).isFalse();
        assertThat(one.report()).contains("nothing to compare");
    }

    // --- the quote of an ICMP error

    private static final byte[] DATAGRAM = Packets.udpInIpv4(
            "10.1.15.2",
            "10.1.99.3",
            41476,
            5000,
            63,
            0xffb1,
            true,
            "flannel-probe\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            true);

    @Test
    void flannelsNetUnreachableQuotesTheHeaderAndEightBytesAsTheyEnteredFlannel0() {
        List<Frame> frames = raw(DATAGRAM, netUnreachable(Arrays.copyOf(DATAGRAM, 28)));

        CaptureVerdict verdict = IcmpQuote.quotesTheDatagram(frames, "10.1.99.3");

        assertThat(verdict.ok()).as(verdict.report()).isTrue();
        assertThat(verdict.report()).contains("quotes 28 bytes").contains("byte for byte");
    }

    @Test
    void aQuoteTakenAfterTheTtlWasDecrementedIsCaught() {
        byte[] decremented = Arrays.copyOf(DATAGRAM, 28);
        decremented[8] = 62;
        Packets.fixIpv4Checksum(decremented, 0);

        CaptureVerdict verdict = IcmpQuote.quotesTheDatagram(raw(DATAGRAM, netUnreachable(decremented)), "10.1.99.3");

        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.report())
                .contains("✗ byte 8 (ipv4 ttl): 0x3e quoted, 0x3f in the datagram")
                .contains("✗ byte 10 (ipv4 header_checksum)");
    }

    @Test
    void aQuoteOfTheHeaderAloneOrOfMoreIsCaught() {
        CaptureVerdict headerOnly =
                IcmpQuote.quotesTheDatagram(raw(DATAGRAM, netUnreachable(Arrays.copyOf(DATAGRAM, 20))), "10.1.99.3");
        CaptureVerdict wholeDatagram =
                IcmpQuote.quotesTheDatagram(raw(DATAGRAM, netUnreachable(DATAGRAM)), "10.1.99.3");

        assertThat(headerOnly.ok()).isFalse();
        assertThat(headerOnly.report()).contains("✗ length: 20 quoted, 28 expected");
        assertThat(wholeDatagram.ok()).isFalse();
        assertThat(wholeDatagram.report()).contains("✗ length: 42 quoted, 28 expected");
    }

    @Test
    void noErrorAtAllSaysSo() {
        CaptureVerdict verdict = IcmpQuote.quotesTheDatagram(raw(DATAGRAM), "10.1.99.3");

        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.report()).contains("no ICMP error quoting a datagram to 10.1.99.3");
    }

    private static byte[] netUnreachable(byte[] quoted) {
        return Packets.ipv4("10.1.15.0", "10.1.15.2", 1, 8, 0, false, Packets.icmpError(3, 0, quoted));
    }

    /** {@code count} inner UDP flows to ports 5001.., two datagrams each, with the outer source port given per port. */
    private static byte[][] flows(int count, java.util.function.IntUnaryOperator outerPort, boolean perPacket) {
        List<byte[]> frames = new ArrayList<>();
        int identification = 0x7300;
        for (int port = 5001; port < 5001 + count; port++) {
            for (int i = 0; i < 2; i++) {
                int sourcePort = outerPort.applyAsInt(port) + (perPacket ? i * 1000 : 0);
                frames.add(Packets.vxlanFlowFrame(
                        sourcePort,
                        identification++,
                        Packets.podDatagram(33000 + port, port, "flow-" + port + "-" + i)));
            }
        }
        return frames.toArray(byte[][]::new);
    }

    private List<Frame> capture(byte[]... frames) {
        return decode(LinkTypes.ETHERNET, frames);
    }

    private List<Frame> raw(byte[]... packets) {
        return decode(LinkTypes.RAW, packets);
    }

    private List<Frame> decode(int linkType, byte[]... frames) {
        List<Frame> result = new ArrayList<>();
        for (byte[] bytes : frames) {
            result.add(decoder.decode(result.size(), java.time.Instant.EPOCH, linkType, bytes, bytes.length));
        }
        return result;
    }
}
