package org.flannel.reference.backend.udp;

import java.nio.ByteBuffer;

/**
 * The ICMP destination unreachable, net unreachable (type 3, code 0) that answers a packet for which
 * no peer owns the destination, as Flannel's proxy builds it: from the TUN device's address, TTL 8,
 * quoting the packet's IP header and the first 8 bytes of its payload (RFC 792).
 *
 * <p>Never in answer to an ICMP error or a fragment other than the first (RFC 1122 3.2.2), nor to a
 * malformed header. Unlike Flannel, which answers no ICMP at all, ICMP queries such as echo requests
 * are answered, so a ping to an unknown subnet says "Destination Net Unreachable".
 */
final class NetUnreachable {
    static final int TYPE = 3;
    static final int CODE = 0;
    static final int TTL = 8;
    private static final int ICMP_HEADER = 8;
    private static final int QUOTED_PAYLOAD = 8;
    /** IP header, ICMP header, the longest IP header (IHL 15) and 8 bytes of its payload. */
    static final int MAX_LENGTH = Ipv4Header.MIN_LENGTH + ICMP_HEADER + 60 + QUOTED_PAYLOAD;

    private NetUnreachable() {}

    /**
     * Writes into {@code answer} (position 0 to limit: the packet) the answer to {@code offender}, the
     * {@code length} bytes at the start of its buffer, sent from {@code from}.
     *
     * @return false, {@code answer} untouched, when the offender must not be answered
     */
    static boolean build(ByteBuffer offender, int length, int from, ByteBuffer answer) {
        if (!deservesAnswer(offender, length)) {
            return false;
        }
        int quoted = Math.min(length, Ipv4Header.headerLength(offender) + QUOTED_PAYLOAD);
        int icmpLength = ICMP_HEADER + quoted;
        int total = Ipv4Header.MIN_LENGTH + icmpLength;
        answer.clear();
        answer.put(0, (byte) 0x45) // version 4, IHL 5
                .put(1, (byte) 0) // TOS
                .putShort(2, (short) total)
                .putInt(4, 0) // identification, flags, fragment offset
                .put(8, (byte) TTL)
                .put(9, (byte) Ipv4Header.PROTOCOL_ICMP)
                .putShort(10, (short) 0)
                .putInt(12, from)
                .putInt(16, Ipv4Header.source(offender));
        answer.putShort(10, (short) Ipv4Header.internetChecksum(answer, 0, Ipv4Header.MIN_LENGTH));
        int icmp = Ipv4Header.MIN_LENGTH;
        answer.put(icmp, (byte) TYPE)
                .put(icmp + 1, (byte) CODE)
                .putShort(icmp + 2, (short) 0)
                .putInt(icmp + 4, 0) // unused
                .put(icmp + ICMP_HEADER, offender, 0, quoted);
        answer.putShort(icmp + 2, (short) Ipv4Header.internetChecksum(answer, icmp, icmpLength));
        answer.position(0).limit(total);
        return true;
    }

    private static boolean deservesAnswer(ByteBuffer offender, int length) {
        if (length < Ipv4Header.MIN_LENGTH || Ipv4Header.version(offender) != 4) {
            return false;
        }
        int headerLength = Ipv4Header.headerLength(offender);
        if (headerLength < Ipv4Header.MIN_LENGTH || headerLength > length) {
            return false;
        }
        if (Ipv4Header.fragmentOffset(offender) != 0) {
            return false;
        }
        if (Ipv4Header.protocol(offender) == Ipv4Header.PROTOCOL_ICMP) {
            return headerLength < length && !isError(offender.get(headerLength) & 0xff);
        }
        return true;
    }

    /** ICMP error types: destination unreachable, source quench, redirect, time exceeded, parameter problem. */
    private static boolean isError(int type) {
        return type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
    }
}
