package org.flannel.harness.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Reads big-endian values from frame bytes and prints them the way a person reads them. */
final class Values {

    private Values() {}

    /** An unsigned big-endian bit field of up to 63 bits, starting {@code bitOffset} bits into {@code offset}. */
    static long bits(byte[] bytes, int offset, int bitOffset, int width) {
        int span = (bitOffset + width + 7) / 8;
        long raw = 0;
        for (int i = 0; i < span; i++) {
            raw = (raw << 8) | (bytes[offset + i] & 0xff);
        }
        int unusedLowBits = span * 8 - bitOffset - width;
        return (raw >>> unusedLowBits) & ((1L << width) - 1);
    }

    static int u8(byte[] bytes, int offset) {
        return bytes[offset] & 0xff;
    }

    static int u16(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
    }

    static String hex(long value, int bitWidth) {
        int digits = Math.max(1, (bitWidth + 3) / 4);
        return "0x" + String.format("%0" + digits + "x", value);
    }

    static String mac(long value) {
        StringBuilder text = new StringBuilder();
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (text.length() > 0) {
                text.append(':');
            }
            text.append(String.format("%02x", (value >>> shift) & 0xff));
        }
        return text.toString();
    }

    static String ipv4(long value) {
        return ((value >>> 24) & 0xff) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "."
                + (value & 0xff);
    }

    static String ipv6(byte[] bytes, int offset) {
        byte[] address = new byte[16];
        System.arraycopy(bytes, offset, address, 0, 16);
        try {
            return compressIpv6(InetAddress.getByAddress(address).getHostAddress());
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Java prints 2001:db8:0:0:0:0:0:1; people and tshark write 2001:db8::1. */
    static String compressIpv6(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }

    static String bytesHex(byte[] bytes, int offset, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append(':');
            }
            text.append(String.format("%02x", bytes[offset + i] & 0xff));
        }
        return text.toString();
    }
}
