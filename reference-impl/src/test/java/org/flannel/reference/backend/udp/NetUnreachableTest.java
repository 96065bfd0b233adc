package org.flannel.reference.backend.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.flannel.reference.ip.Ip4;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** container-1 (10.1.15.2 on node1, flannel0 10.1.15.0) sends to 10.1.99.3, which no node owns. */
class NetUnreachableTest {
    private static final int FLANNEL0 = Ip4.parse("10.1.15.0").bits();

    private final ByteBuffer answer = ByteBuffer.allocateDirect(NetUnreachable.MAX_LENGTH);

    private boolean answer(ByteBuffer offender) {
        return NetUnreachable.build(offender, offender.limit(), FLANNEL0, answer);
    }

    @Test
    void aUdpPacketGetsANetUnreachableFromFlannel0BackToItsSource() {
        ByteBuffer offender = Packets.udp("10.1.15.2", "10.1.99.3", 100);

        assertThat(answer(offender)).isTrue();

        assertThat(answer.position()).isZero();
        assertThat(answer.limit()).isEqualTo(20 + 8 + 20 + 8);
        assertThat(Ipv4Header.version(answer)).isEqualTo(4);
        assertThat(Ipv4Header.headerLength(answer)).isEqualTo(20);
        assertThat(Ipv4Header.totalLength(answer)).isEqualTo(answer.limit());
        assertThat(answer.getShort(6)).as("flags and fragment offset").isZero();
        assertThat(Ipv4Header.ttl(answer)).as("Flannel's TTL").isEqualTo(8);
        assertThat(Ipv4Header.protocol(answer)).isEqualTo(1);
        assertThat(Ipv4Header.source(answer)).isEqualTo(FLANNEL0);
        assertThat(Ipv4Header.destination(answer))
                .isEqualTo(Ip4.parse("10.1.15.2").bits());
        assertThat(Ipv4Header.checksumIsValid(answer, 20)).isTrue();

        assertThat(answer.get(20)).as("type").isEqualTo((byte) 3);
        assertThat(answer.get(21)).as("code").isEqualTo((byte) 0);
        assertThat(Ipv4Header.internetChecksum(answer, 20, answer.limit() - 20))
                .as("ICMP checksum over all")
                .isZero();
        assertThat(answer.getInt(24)).as("unused").isZero();
    }

    @Test
    void itQuotesTheOffendersHeaderAndTheFirst8BytesOfItsPayload() {
        ByteBuffer offender = Packets.udp("10.1.15.2", "10.1.99.3", 100);

        answer(offender);

        assertThat(bytes(answer, 28, 28)).isEqualTo(bytes(offender, 0, 28));
    }

    @Test
    void itQuotesOptionsToo() {
        ByteBuffer offender =
                Packets.ipv4("10.1.15.2", "10.1.99.3", Packets.PROTOCOL_UDP, 64, 10, Packets.counting(50));

        answer(offender);

        assertThat(answer.limit()).isEqualTo(20 + 8 + 60 + 8);
        assertThat(bytes(answer, 28, 68)).isEqualTo(bytes(offender, 0, 68));
        assertThat(Ipv4Header.internetChecksum(answer, 20, answer.limit() - 20)).isZero();
    }

    @Test
    void aPacketWithLessThan8BytesOfPayloadIsQuotedWhole() {
        ByteBuffer offender = Packets.udp("10.1.15.2", "10.1.99.3", 3);

        answer(offender);

        assertThat(answer.limit()).isEqualTo(20 + 8 + 23);
        assertThat(bytes(answer, 28, 23)).isEqualTo(bytes(offender, 0, 23));
        assertThat(Ipv4Header.internetChecksum(answer, 20, answer.limit() - 20))
                .as("odd length")
                .isZero();
    }

    @Test
    void anEchoRequestIsAnsweredSoPingSaysDestinationNetUnreachable() {
        assertThat(answer(Packets.icmp("10.1.15.2", "10.1.99.3", 8))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 11, 12})
    void anIcmpErrorIsNeverAnswered(int type) {
        assertThat(answer(Packets.icmp("10.1.15.2", "10.1.99.3", type))).isFalse();
    }

    @Test
    void anIcmpPacketWithNoRoomForItsTypeIsNotAnswered() {
        ByteBuffer bare = Packets.ipv4("10.1.15.2", "10.1.99.3", Ipv4Header.PROTOCOL_ICMP, 64, 0, new byte[0]);

        assertThat(answer(bare)).isFalse();
    }

    @Test
    void aNonFirstFragmentIsNotAnswered() {
        ByteBuffer offender = Packets.udp("10.1.15.2", "10.1.99.3", 100);
        Packets.setFragmentOffset(offender, 185, true);

        assertThat(answer(offender)).isFalse();
    }

    @Test
    void aLastFragmentIsNotAnsweredEither() {
        ByteBuffer offender = Packets.udp("10.1.15.2", "10.1.99.3", 100);
        Packets.setFragmentOffset(offender, 185, false);

        assertThat(answer(offender)).isFalse();
    }

    @Test
    void theFirstFragmentIsAnswered() {
        ByteBuffer offender = Packets.udp("10.1.15.2", "10.1.99.3", 100);
        Packets.setFragmentOffset(offender, 0, true);

        assertThat(answer(offender)).isTrue();
    }

    @Test
    void aMalformedHeaderIsNotAnswered() {
        ByteBuffer shortIhl = Packets.udp("10.1.15.2", "10.1.99.3", 100);
        shortIhl.put(0, (byte) 0x44);
        ByteBuffer ihlBeyondPacket = Packets.udp("10.1.15.2", "10.1.99.3", 0);
        ihlBeyondPacket.put(0, (byte) 0x46);
        ByteBuffer ipv6 = Packets.udp("10.1.15.2", "10.1.99.3", 100);
        ipv6.put(0, (byte) 0x60);

        assertThat(answer(shortIhl)).isFalse();
        assertThat(answer(ihlBeyondPacket)).isFalse();
        assertThat(answer(ipv6)).isFalse();
        assertThat(NetUnreachable.build(Packets.udp("10.1.15.2", "10.1.99.3", 0), 19, FLANNEL0, answer))
                .isFalse();
    }

    @Test
    void aRefusalLeavesTheAnswerBufferAlone() {
        answer.put(0, (byte) 0x77);

        answer(Packets.icmp("10.1.15.2", "10.1.99.3", 3));

        assertThat(answer.get(0)).isEqualTo((byte) 0x77);
    }

    private static byte[] bytes(ByteBuffer buffer, int offset, int length) {
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        return bytes;
    }
}
