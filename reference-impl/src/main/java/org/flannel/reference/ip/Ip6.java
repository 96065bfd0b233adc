package org.flannel.reference.ip;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.UnknownHostException;

/** An IPv6 address held as its unsigned 128-bit value (Flannel's {@code ip.IP6} is a big.Int). */
public record Ip6(BigInteger value) implements Comparable<Ip6> {

    static final BigInteger ADDRESS_SPACE = BigInteger.ONE.shiftLeft(128);
    private static final BigInteger TWO_POW_24 = BigInteger.ONE.shiftLeft(24);
    private static final BigInteger TWO_POW_32 = BigInteger.ONE.shiftLeft(32);
    private static final BigInteger V4_MAPPED_PREFIX =
            BigInteger.valueOf(0xffffL).shiftLeft(32);

    /** Declared after the constants the constructor checks against. */
    public static final Ip6 ZERO = new Ip6(BigInteger.ZERO);

    public Ip6 {
        if (value == null || value.signum() < 0 || value.compareTo(ADDRESS_SPACE) >= 0) {
            throw new IllegalArgumentException("not an IPv6 address value: " + value);
        }
    }

    /**
     * Flannel's {@code ParseIP6} (Go's {@code net.ParseIP}): IPv6 text, or IPv4 text which becomes the
     * IPv4-mapped address {@code ::ffff:a.b.c.d}.
     */
    public static Ip6 parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("invalid IPv6 address: null");
        }
        byte[] bytes = GoIpText.parseAddress(text);
        return bytes.length == 16 ? fromBytes(bytes) : new Ip6(V4_MAPPED_PREFIX.or(unsigned(bytes)));
    }

    public static Ip6 fromBytes(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("an IPv6 address has 16 bytes, not " + bytes.length);
        }
        return new Ip6(unsigned(bytes));
    }

    public static Ip6 fromInetAddress(Inet6Address address) {
        return fromBytes(address.getAddress());
    }

    public Ip6 plus(BigInteger n) {
        return new Ip6(value.add(n));
    }

    public Ip6 plus(long n) {
        return plus(BigInteger.valueOf(n));
    }

    public byte[] toBytes() {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[16];
        int copy = Math.min(raw.length, 16);
        System.arraycopy(raw, raw.length - copy, out, 16 - copy, copy);
        return out;
    }

    public Inet6Address toInetAddress() {
        try {
            return Inet6Address.getByAddress(null, toBytes(), -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always a valid IPv6 address", e);
        }
    }

    /** RFC 4193 unique local address (fc00::/7), as Flannel's {@code IP6.IsPrivate}. */
    public boolean isPrivate() {
        return (toBytes()[0] & 0xfe) == 0xfc;
    }

    @Override
    public int compareTo(Ip6 other) {
        return value.compareTo(other.value);
    }

    /**
     * The text Flannel prints (its {@code IP6.String}, used in lease keys, lease JSON, subnet.env and
     * config errors): Go's canonical RFC 5952 form, e.g. {@code fd00:12:13::}. Two Go quirks are kept on
     * purpose: an IPv4-mapped address prints as dotted IPv4 (Go's {@code net.IP.String}), and so does any
     * value in [2^24, 2^32) because Flannel builds a 4-byte {@code net.IP} from {@code big.Int.Bytes()}
     * ({@code pkg/ip/ip6net.go}, {@code ToIP}).
     */
    @Override
    public String toString() {
        boolean fourByteBigInt = value.compareTo(TWO_POW_24) >= 0 && value.compareTo(TWO_POW_32) < 0;
        boolean v4Mapped = value.shiftRight(32).equals(BigInteger.valueOf(0xffffL));
        if (fourByteBigInt || v4Mapped) {
            return new Ip4(value.intValue()).toString();
        }
        return canonicalText(toBytes());
    }

    /** Go's IPv6 text: lowercase hex, no leading zeros, the first longest run (two or more) of zero groups as "::". */
    static String canonicalText(byte[] b) {
        int bestStart = -1;
        int bestEnd = -1;
        for (int i = 0; i < 16; i += 2) {
            int j = i;
            while (j < 16 && b[j] == 0 && b[j + 1] == 0) {
                j += 2;
            }
            if (j > i && j - i > bestEnd - bestStart) {
                bestStart = i;
                bestEnd = j;
                i = j;
            }
        }
        if (bestEnd - bestStart <= 2) {
            bestStart = -1;
            bestEnd = -1;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 16; i += 2) {
            if (i == bestStart) {
                text.append("::");
                i = bestEnd;
                if (i >= 16) {
                    break;
                }
            } else if (i > 0) {
                text.append(':');
            }
            text.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff)));
        }
        return text.toString();
    }

    private static BigInteger unsigned(byte[] bytes) {
        return new BigInteger(1, bytes);
    }
}
