package org.flannel.reference.ip;

/**
 * An IPv4 network: always held as its network address (like the result of Go's {@code net.ParseCIDR}),
 * so two values for the same network are equal.
 */
public record Ip4Net(Ip4 ip, int prefixLen) {

    private static final long ADDRESS_SPACE = 1L << 32;

    public Ip4Net {
        if (ip == null) {
            throw new IllegalArgumentException("an IPv4 network needs an address");
        }
        if (prefixLen < 0 || prefixLen > 32) {
            throw new IllegalArgumentException("IPv4 prefix length out of range: " + prefixLen);
        }
        ip = new Ip4(ip.bits() & maskBits(prefixLen));
    }

    /** Go's {@code net.ParseCIDR} for IPv4: "10.1.15.7/24" gives 10.1.15.0/24. */
    public static Ip4Net parse(String cidr) {
        if (cidr == null) {
            throw new IllegalArgumentException("invalid CIDR address: null");
        }
        GoIpText.Cidr parsed = GoIpText.parseCidr(cidr);
        if (!parsed.isIpv4()) {
            throw new IllegalArgumentException("not an IPv4 CIDR address: " + cidr);
        }
        return new Ip4Net(Ip4.fromBytes(parsed.address()), parsed.prefixLen());
    }

    public static Ip4Net of(Ip4 ip, int prefixLen) {
        return new Ip4Net(ip, prefixLen);
    }

    public Ip4 network() {
        return ip;
    }

    public Ip4 netmask() {
        return new Ip4(maskBits(prefixLen));
    }

    public Ip4 broadcast() {
        return new Ip4(ip.bits() | ~maskBits(prefixLen));
    }

    /** Number of addresses, 2^(32-prefixLen). */
    public long size() {
        return 1L << (32 - prefixLen);
    }

    public boolean contains(Ip4 address) {
        int mask = maskBits(prefixLen);
        return (address.bits() & mask) == ip.bits();
    }

    /** Flannel's {@code ContainsCIDR}: {@code other} lies entirely inside this network. */
    public boolean contains(Ip4Net other) {
        return prefixLen <= other.prefixLen && contains(other.ip);
    }

    /** Flannel's {@code Overlaps}: compare under the shorter of the two masks. */
    public boolean overlaps(Ip4Net other) {
        int mask = maskBits(Math.min(prefixLen, other.prefixLen));
        return (ip.bits() & mask) == (other.ip.bits() & mask);
    }

    /** The following network of the same length (Flannel's {@code Next}); none after the last one. */
    public Ip4Net next() {
        long following = ip.toLong() + size();
        if (following >= ADDRESS_SPACE) {
            throw new IllegalStateException("no IPv4 network follows " + this);
        }
        return new Ip4Net(Ip4.fromLong(following), prefixLen);
    }

    /** The network as {@code 10.1.15.0/24}. */
    @Override
    public String toString() {
        return ip + "/" + prefixLen;
    }

    static int maskBits(int prefixLen) {
        return prefixLen == 0 ? 0 : -1 << (32 - prefixLen);
    }
}
