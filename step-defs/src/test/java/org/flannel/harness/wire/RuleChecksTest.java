package org.flannel.harness.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per protocol rule, each on a hand-built frame broken in exactly one place. */
class RuleChecksTest {

    private static final int OUTER_IP = 14;
    private static final int OUTER_UDP = 34;
    private static final int VXLAN = 42;
    private static final int INNER_IP = 64;
    private static final int ICMP = 84;

    private final FrameDecoder decoder = new FrameDecoder();

    @Test
    void intactFrameKeepsEveryRule() {
        Frame frame = decode(Packets.vxlanPing());

        assertThat(frame.violations()).isEmpty();
        assertThat(frame.checksums())
                .containsEntry("outer.ipv4.header_checksum", ChecksumStatus.GOOD)
                .containsEntry("outer.udp.checksum", ChecksumStatus.GOOD)
                .containsEntry("inner.ipv4.header_checksum", ChecksumStatus.GOOD)
                .containsEntry("inner.icmp.checksum", ChecksumStatus.GOOD);
    }

    @Test
    void wrongIpv4HeaderChecksum() {
        byte[] bytes = Packets.vxlanPing();
        bytes[OUTER_IP + 11] ^= 0x01;

        assertOnlyViolation(decode(bytes), "outer.ipv4.header_checksum", "valid");
    }

    @Test
    void wrongUdpChecksum() {
        byte[] bytes = Packets.vxlanPing();
        bytes[OUTER_UDP + 7] ^= 0x01;

        assertOnlyViolation(decode(bytes), "outer.udp.checksum", "zero or valid");
    }

    @Test
    void zeroUdpChecksumIsAllowedOverIpv4() {
        byte[] bytes = Packets.vxlanPing();
        Packets.put16(bytes, OUTER_UDP + 6, 0);

        Frame frame = decode(bytes);

        assertThat(frame.violations()).isEmpty();
        assertThat(frame.checksumStatus("outer.udp.checksum")).hasValue(ChecksumStatus.ZERO);
    }

    @Test
    void wrongIcmpChecksum() {
        byte[] bytes = Packets.vxlanPing();
        bytes[ICMP + 20] ^= 0x55; // the data, not the checksum field

        assertOnlyViolations(decode(bytes), List.of("outer.udp.checksum", "inner.icmp.checksum"));
    }

    @Test
    void ipv4TotalLengthLongerThanTheFrame() {
        byte[] bytes = Packets.vxlanPing();
        Packets.put16(bytes, INNER_IP + 2, 85);
        Packets.fixIpv4Checksum(bytes, INNER_IP);

        Frame frame = decode(bytes);

        assertThat(frame.checksFor("inner.ipv4.total_length")).singleElement().satisfies(check -> {
            assertThat(check.failed()).isTrue();
            assertThat(check.expected()).startsWith("= 84");
            assertThat(check.actual()).isEqualTo("85");
        });
    }

    @Test
    void ipv4TotalLengthShorterThanAFrameThatIsNotPadding() {
        byte[] bytes = Packets.hostGwPing();
        Packets.put16(bytes, OUTER_IP + 2, 80);
        Packets.fixIpv4Checksum(bytes, OUTER_IP);

        assertThat(decode(bytes).checksFor("ipv4.total_length"))
                .singleElement()
                .satisfies(check -> assertThat(check.failed()).isTrue());
    }

    @Test
    void ethernetPaddingOfAShortFrameIsNotALengthMismatch() {
        byte[] padded = Packets.concat(
                Packets.ethernet(
                        Packets.NODE2_ETH0_MAC,
                        Packets.NODE1_ETH0_MAC,
                        0x0800,
                        Packets.ipv4("10.1.15.2", "10.1.16.3", 1, 64, 1, Packets.icmpEcho(8, 1, 1, new byte[0]))),
                new byte[18]);

        Frame frame = decode(padded);

        assertThat(frame.capturedLength()).isEqualTo(60);
        assertThat(frame.violations()).isEmpty();
    }

    @Test
    void udpLengthDisagreeingWithIpPayload() {
        byte[] bytes = Packets.vxlanPing();
        Packets.put16(bytes, OUTER_UDP + 4, 113);

        Frame frame = decode(bytes);

        assertThat(frame.checksFor("outer.udp.length")).singleElement().satisfies(check -> {
            assertThat(check.failed()).isTrue();
            assertThat(check.expected()).startsWith("= 114");
        });
    }

    @Test
    void vxlanIFlagMustBeSet() {
        byte[] bytes = Packets.vxlanPing();
        bytes[VXLAN] = 0x00;
        fixUdpChecksum(bytes);

        assertOnlyViolation(decode(bytes), "vxlan.i_flag", "set");
    }

    @Test
    void vxlanReservedFlagBitsMustBeZero() {
        byte[] bytes = Packets.vxlanPing();
        bytes[VXLAN] = (byte) 0x88;
        fixUdpChecksum(bytes);

        Frame frame = decode(bytes);

        assertOnlyViolation(frame, "vxlan.reserved_flags", "zero");
        assertThat(frame.value("vxlan.reserved_flags")).hasValue("0x80");
        assertThat(frame.value("vxlan.i_flag")).hasValue("1");
    }

    @Test
    void vxlanReservedFieldsMustBeZero() {
        byte[] first = Packets.vxlanPing();
        first[VXLAN + 2] = 1;
        fixUdpChecksum(first);
        byte[] second = Packets.vxlanPing();
        second[VXLAN + 7] = 1;
        fixUdpChecksum(second);

        assertOnlyViolation(decode(first), "vxlan.reserved1", "zero");
        assertOnlyViolation(decode(second), "vxlan.reserved2", "zero");
    }

    @Test
    void ipv4ReservedFlagMustBeZero() {
        byte[] bytes = Packets.hostGwPing();
        bytes[OUTER_IP + 6] |= (byte) 0x80;
        Packets.fixIpv4Checksum(bytes, OUTER_IP);

        assertOnlyViolation(decode(bytes), "ipv4.flags.reserved", "zero");
    }

    @Test
    void fragmentChecksumsCannotBeVerified() {
        byte[] bytes = Packets.hostGwPing();
        bytes[OUTER_IP + 6] = 0x20; // MF set, offset 0: the first of several fragments
        Packets.fixIpv4Checksum(bytes, OUTER_IP);

        Frame frame = decode(bytes);

        assertThat(frame.violations()).isEmpty();
        assertThat(frame.checksumStatus("icmp.checksum")).hasValue(ChecksumStatus.UNVERIFIABLE);
    }

    /** What flannel's udp backend answers for an address no node owns, quoting the pod's echo request. */
    @Test
    void theChecksumOfAQuotedMessageIsUnverifiableNotWrong() {
        byte[] echo = Packets.ipv4("10.1.15.2", "10.1.99.3", 1, 63, 7, Packets.icmpEcho(8, 42, 1, new byte[56]));
        byte[] quote = java.util.Arrays.copyOf(echo, 28);
        byte[] unreachable = Packets.concat(new byte[] {3, 0}, Packets.u16(0), new byte[4], quote);
        Packets.put16(
                unreachable,
                2,
                ~InternetChecksum.fold(InternetChecksum.sum(unreachable, 0, unreachable.length)) & 0xffff);
        byte[] packet = Packets.ipv4("10.1.15.0", "10.1.15.2", 1, 8, 0, unreachable);
        Frame frame = new FrameDecoder().decode(LinkTypes.RAW, packet);

        assertThat(frame.checksumStatus("icmp.checksum")).contains(ChecksumStatus.GOOD);
        assertThat(frame.checksumStatus("quoted.icmp.checksum")).contains(ChecksumStatus.UNVERIFIABLE);
        assertThat(frame.violations()).isEmpty();
    }

    private Frame decode(byte[] bytes) {
        return decoder.decode(LinkTypes.ETHERNET, bytes);
    }

    private static void fixUdpChecksum(byte[] frame) {
        int length = Values.u16(frame, OUTER_UDP + 4);
        Packets.put16(frame, OUTER_UDP + 6, 0);
        long sum = InternetChecksum.ipv4PseudoHeaderSum(frame, OUTER_IP, 17, length)
                + InternetChecksum.sum(frame, OUTER_UDP, length);
        Packets.put16(frame, OUTER_UDP + 6, ~InternetChecksum.fold(sum) & 0xffff);
    }

    private static void assertOnlyViolation(Frame frame, String field, String rule) {
        assertThat(frame.violations()).as(frame.render()).singleElement().satisfies(check -> {
            assertThat(check.field()).isEqualTo(field);
            assertThat(check.rule()).isEqualTo(rule);
        });
    }

    private static void assertOnlyViolations(Frame frame, List<String> fields) {
        assertThat(frame.violations())
                .as(frame.render())
                .extracting(RuleCheck::field)
                .containsExactlyElementsOf(fields);
    }
}
