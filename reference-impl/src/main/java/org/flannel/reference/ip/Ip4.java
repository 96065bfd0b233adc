package org.flannel.reference.ip;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 address held as its 32 bits (Flannel's {@code ip.IP4} is a uint32). Ordering is unsigned, so
 * 200.0.0.0 sorts after 10.0.0.0 as it does in Flannel's range checks.
 */
public record Ip4(int bits) implements Comparable<Ip4> {

    public static final Ip4 ZERO = new Ip4(0);

    /** Dotted-quad text with Go's rules (four fields, no leading zeros, each at most 255). */
    public static Ip4 parse(String dotted) {
        if (dotted == null) {
            throw new IllegalArgumentException("invalid IPv4 address: null");
        }
        return new Ip4(GoIpText.parseIpv4(dotted));
    }

    /** The address whose unsigned value is {@code value} (0 .. 2^32-1). */
    public static Ip4 fromLong(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("not an IPv4 address value: " + value);
        }
        return new Ip4((int) value);
    }

    public static Ip4 fromBytes(byte[] bytes) {
        if (bytes.length != 4) {
            throw new IllegalArgumentException("an IPv4 address has 4 bytes, not " + bytes.length);
        }
        return new Ip4(GoIpText.bytesToInt(bytes, 0));
    }

    public static Ip4 fromInetAddress(Inet4Address address) {
        return fromBytes(address.getAddress());
    }

    /** This address plus {@code n}; refuses to leave the IPv4 space rather than wrap silently. */
    public Ip4 plus(long n) {
        return fromLong(toLong() + n);
    }

    public long toLong() {
        return Integer.toUnsignedLong(bits);
    }

    public byte[] toBytes() {
        return GoIpText.intToBytes(bits);
    }

    public Inet4Address toInetAddress() {
        try {
            return (Inet4Address) InetAddress.getByAddress(toBytes());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always a valid IPv4 address", e);
        }
    }

    /** RFC 1918 private range, as Flannel's {@code IP4.IsPrivate}. */
    public boolean isPrivate() {
        int a = bits >>> 24;
        int b = (bits >>> 16) & 0xff;
        return a == 10 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168);
    }

    @Override
    public int compareTo(Ip4 other) {
        return Integer.compareUnsigned(bits, other.bits);
    }

    /** Dotted-quad text, e.g. {@code 10.1.15.0}. */
    @Override
    public String toString() {
        return (bits >>> 24) + "." + ((bits >>> 16) & 0xff) + "." + ((bits >>> 8) & 0xff) + "." + (bits & 0xff);
    }
}
