package org.flannel.reference.backend.udp;

import java.nio.ByteBuffer;

/**
 * The IPv4 header at the start of a packet buffer: field reads, the header checksum and the TTL
 * decrement. All access is absolute, so the buffer's position and limit are left alone.
 */
final class Ipv4Header {
    static final int MIN_LENGTH = 20;
    static final int PROTOCOL_ICMP = 1;

    private Ipv4Header() {}

    static int version(ByteBuffer packet) {
        return (packet.get(0) & 0xff) >>> 4;
    }

    /** IHL in bytes. */
    static int headerLength(ByteBuffer packet) {
        return (packet.get(0) & 0x0f) * 4;
    }

    static int totalLength(ByteBuffer packet) {
        return packet.getShort(2) & 0xffff;
    }

    static int fragmentOffset(ByteBuffer packet) {
        return packet.getShort(6) & 0x1fff;
    }

    static int ttl(ByteBuffer packet) {
        return packet.get(8) & 0xff;
    }

    static int protocol(ByteBuffer packet) {
        return packet.get(9) & 0xff;
    }

    static int checksum(ByteBuffer packet) {
        return packet.getShort(10) & 0xffff;
    }

    static int source(ByteBuffer packet) {
        return packet.getInt(12);
    }

    static int destination(ByteBuffer packet) {
        return packet.getInt(16);
    }

    /** A header checksums to all ones, its own checksum field included. */
    static boolean checksumIsValid(ByteBuffer packet, int headerLength) {
        return onesComplementSum(packet, 0, headerLength) == 0xffff;
    }

    /** The Internet checksum (RFC 1071) of {@code length} bytes from {@code offset}. */
    static int internetChecksum(ByteBuffer buffer, int offset, int length) {
        return ~onesComplementSum(buffer, offset, length) & 0xffff;
    }

    /**
     * Takes one from the TTL and patches the header checksum incrementally (RFC 1624, eqn. 3:
     * HC' = ~(~HC + ~m + m'), m being the 16-bit word that holds TTL and protocol). A packet whose TTL
     * would reach 0 is left as it is and false returned: it must be dropped.
     */
    static boolean decrementTtl(ByteBuffer packet) {
        int ttl = ttl(packet);
        if (ttl <= 1) {
            return false;
        }
        int oldWord = packet.getShort(8) & 0xffff;
        int newWord = oldWord - 0x100;
        int sum = (~checksum(packet) & 0xffff) + (~oldWord & 0xffff) + newWord;
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        packet.put(8, (byte) (ttl - 1));
        packet.putShort(10, (short) ~sum);
        return true;
    }

    /** The folded one's complement sum of 16-bit words; an odd last byte is padded with zero. */
    private static int onesComplementSum(ByteBuffer buffer, int offset, int length) {
        int sum = 0;
        int end = offset + (length & ~1);
        for (int i = offset; i < end; i += 2) {
            sum += buffer.getShort(i) & 0xffff;
        }
        if ((length & 1) != 0) {
            sum += (buffer.get(offset + length - 1) & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return sum;
    }
}
