package org.flannel.harness.wire;

/** The ones' complement sum of RFC 1071, used by IPv4, UDP, TCP and ICMP. */
final class InternetChecksum {

    private InternetChecksum() {}

    /** Sum of the 16-bit big-endian words of a byte range (an odd last byte is padded with zero), unfolded. */
    static long sum(byte[] bytes, int offset, int length) {
        long sum = 0;
        int end = offset + length;
        int i = offset;
        for (; i + 1 < end; i += 2) {
            sum += ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
        }
        if (i < end) {
            sum += (bytes[i] & 0xff) << 8;
        }
        return sum;
    }

    /** The IPv4 pseudo header of UDP and TCP: addresses, protocol and the transport length. */
    static long ipv4PseudoHeaderSum(byte[] bytes, int ipv4Start, int protocol, int transportLength) {
        return sum(bytes, ipv4Start + 12, 8) + protocol + transportLength;
    }

    static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    /**
     * The checksum a sender should have written, given the sum of everything it covers including the
     * checksum field itself (whose value is subtracted back out).
     */
    static int expected(long sumIncludingField, int fieldValue) {
        return ~fold(sumIncludingField - fieldValue) & 0xffff;
    }

    /** True when the covered bytes, checksum field included, sum to all ones. */
    static boolean verifies(long sumIncludingField) {
        return fold(sumIncludingField) == 0xffff;
    }
}
