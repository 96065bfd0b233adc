package org.flannel.reference.backend.udp;

import java.nio.ByteBuffer;
import org.flannel.reference.ip.Ip4;

/** Well-formed IPv4 packets for the tests, built field by field. */
final class Packets {
    static final int PROTOCOL_UDP = 17;

    private Packets() {}

    /** An IPv4 packet (IHL 5 + {@code optionWords}) with {@code payload} bytes 0, 1, 2 ... and a valid checksum. */
    static ByteBuffer ipv4(String source, String destination, int protocol, int ttl, int optionWords, byte[] payload) {
        int headerLength = 20 + 4 * optionWords;
        int total = headerLength + payload.length;
        ByteBuffer packet = ByteBuffer.allocateDirect(total);
        packet.put(0, (byte) (0x40 | headerLength / 4))
                .putShort(2, (short) total)
                .putShort(4, (short) 0x1234)
                .putShort(6, (short) 0x4000) // DF
                .put(8, (byte) ttl)
                .put(9, (byte) protocol)
                .putInt(12, Ip4.parse(source).bits())
                .putInt(16, Ip4.parse(destination).bits());
        for (int i = 20; i < headerLength; i++) {
            packet.put(i, (byte) 1); // NOP options
        }
        packet.put(headerLength, payload);
        packet.putShort(10, (short) Ipv4Header.internetChecksum(packet, 0, headerLength));
        return packet.clear();
    }

    static byte[] counting(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    /** An ICMP message of {@code type} with 32 bytes of data after its 8-byte header. */
    static ByteBuffer icmp(String source, String destination, int type) {
        byte[] message = counting(40);
        message[0] = (byte) type;
        message[1] = 0;
        return ipv4(source, destination, Ipv4Header.PROTOCOL_ICMP, 64, 0, message);
    }

    static ByteBuffer udp(String source, String destination, int payloadLength) {
        return ipv4(source, destination, PROTOCOL_UDP, 64, 0, counting(payloadLength));
    }

    static void setFragmentOffset(ByteBuffer packet, int offsetUnits, boolean moreFragments) {
        packet.putShort(6, (short) ((moreFragments ? 0x2000 : 0) | offsetUnits));
        fixChecksum(packet);
    }

    static void fixChecksum(ByteBuffer packet) {
        int headerLength = Ipv4Header.headerLength(packet);
        packet.putShort(10, (short) 0);
        packet.putShort(10, (short) Ipv4Header.internetChecksum(packet, 0, headerLength));
    }
}
