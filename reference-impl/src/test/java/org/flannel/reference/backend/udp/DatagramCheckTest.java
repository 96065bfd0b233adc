package org.flannel.reference.backend.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class DatagramCheckTest {

    private static Drop check(ByteBuffer datagram) {
        return DatagramCheck.problem(datagram, datagram.limit());
    }

    @Test
    void aWellFormedPacketPasses() {
        assertThat(check(Packets.udp("10.1.16.3", "10.1.15.2", 100))).isNull();
        assertThat(check(Packets.icmp("10.1.16.3", "10.1.15.2", 0))).isNull();
        assertThat(check(Packets.ipv4("10.1.16.3", "10.1.15.2", 6, 64, 10, Packets.counting(1000))))
                .isNull();
    }

    @Test
    void aBareHeaderPasses() {
        assertThat(check(Packets.ipv4("10.1.16.3", "10.1.15.2", 6, 64, 0, new byte[0])))
                .isNull();
    }

    @Test
    void lessThanAnIpv4HeaderIsTooShort() {
        ByteBuffer packet = Packets.udp("10.1.16.3", "10.1.15.2", 100);

        assertThat(DatagramCheck.problem(packet, 19)).isEqualTo(Drop.TOO_SHORT);
        assertThat(DatagramCheck.problem(packet, 0)).isEqualTo(Drop.TOO_SHORT);
    }

    @Test
    void anotherVersionIsNotIpv4() {
        ByteBuffer packet = Packets.udp("10.1.16.3", "10.1.15.2", 100);
        packet.put(0, (byte) 0x65);
        Packets.fixChecksum(packet);

        assertThat(check(packet)).isEqualTo(Drop.NOT_IPV4);
    }

    @Test
    void anIhlBelow5IsABadHeaderLength() {
        ByteBuffer packet = Packets.udp("10.1.16.3", "10.1.15.2", 100);
        packet.put(0, (byte) 0x44);

        assertThat(check(packet)).isEqualTo(Drop.BAD_HEADER_LENGTH);
    }

    @Test
    void anIhlBeyondTheDatagramIsABadHeaderLength() {
        ByteBuffer packet = Packets.ipv4("10.1.16.3", "10.1.15.2", 6, 64, 0, new byte[8]);
        packet.put(0, (byte) 0x47); // 28 bytes of header in a 28-byte datagram is fine ...
        assertThat(check(packet)).isNotEqualTo(Drop.BAD_HEADER_LENGTH);
        packet.put(0, (byte) 0x48); // ... 32 is not

        assertThat(check(packet)).isEqualTo(Drop.BAD_HEADER_LENGTH);
    }

    @Test
    void aTotalLengthLongerThanTheDatagramIsRefused() {
        ByteBuffer packet = Packets.udp("10.1.16.3", "10.1.15.2", 100);

        assertThat(DatagramCheck.problem(packet, packet.limit() - 1)).isEqualTo(Drop.BAD_TOTAL_LENGTH);
    }

    @Test
    void aTotalLengthShorterThanTheDatagramIsRefused() {
        ByteBuffer packet = Packets.udp("10.1.16.3", "10.1.15.2", 100);
        packet.putShort(2, (short) (packet.limit() - 4));
        Packets.fixChecksum(packet);

        assertThat(check(packet)).isEqualTo(Drop.BAD_TOTAL_LENGTH);
    }

    @Test
    void aCorruptedHeaderFailsItsChecksum() {
        ByteBuffer packet = Packets.udp("10.1.16.3", "10.1.15.2", 100);
        packet.put(15, (byte) (packet.get(15) ^ 0x01)); // one bit of the source address

        assertThat(check(packet)).isEqualTo(Drop.BAD_CHECKSUM);
    }

    @Test
    void aCorruptedOptionFailsItsChecksum() {
        ByteBuffer packet = Packets.ipv4("10.1.16.3", "10.1.15.2", 6, 64, 2, new byte[8]);
        packet.put(23, (byte) 7);

        assertThat(check(packet)).isEqualTo(Drop.BAD_CHECKSUM);
    }

    @Test
    void thePayloadIsNotChecked() {
        ByteBuffer packet = Packets.udp("10.1.16.3", "10.1.15.2", 100);
        packet.put(50, (byte) (packet.get(50) ^ 0xff));

        assertThat(check(packet)).isNull();
    }
}
