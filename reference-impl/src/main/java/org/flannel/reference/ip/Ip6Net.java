package org.flannel.reference.ip;

import java.math.BigInteger;

/** An IPv6 network, always held as its network address (like Go's {@code net.ParseCIDR}). */
public record Ip6Net(Ip6 ip, int prefixLen) {

    public Ip6Net {
        if (ip == null) {
            throw new IllegalArgumentException("an IPv6 network needs an address");
        }
        if (prefixLen < 0 || prefixLen > 128) {
            throw new IllegalArgumentException("IPv6 prefix length out of range: " + prefixLen);
        }
        ip = new Ip6(ip.value().and(mask(prefixLen)));
    }

    /** Go's {@code net.ParseCIDR} for IPv6: "fd00:12:13::5/56" gives fd00:12:13::/56. IPv4 text is refused. */
    public static Ip6Net parse(String cidr) {
        if (cidr == null) {
            throw new IllegalArgumentException("invalid CIDR address: null");
        }
        GoIpText.Cidr parsed = GoIpText.parseCidr(cidr);
        if (parsed.isIpv4()) {
            throw new IllegalArgumentException("not an IPv6 CIDR address: " + cidr);
        }
        return new Ip6Net(Ip6.fromBytes(parsed.address()), parsed.prefixLen());
    }

    public static Ip6Net of(Ip6 ip, int prefixLen) {
        return new Ip6Net(ip, prefixLen);
    }

    public Ip6 network() {
        return ip;
    }

    /** Number of addresses, 2^(128-prefixLen). */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(128 - prefixLen);
    }

    public boolean contains(Ip6 address) {
        return address.value().and(mask(prefixLen)).equals(ip.value());
    }

    /** {@code other} lies entirely inside this network. */
    public boolean contains(Ip6Net other) {
        return prefixLen <= other.prefixLen && contains(other.ip);
    }

    /** Compare under the shorter of the two masks, as Flannel's {@code IP6Net.Overlaps}. */
    public boolean overlaps(Ip6Net other) {
        BigInteger mask = mask(Math.min(prefixLen, other.prefixLen));
        return ip.value().and(mask).equals(other.ip.value().and(mask));
    }

    /** The following network of the same length; none after the last one. */
    public Ip6Net next() {
        BigInteger following = ip.value().add(size());
        if (following.compareTo(Ip6.ADDRESS_SPACE) >= 0) {
            throw new IllegalStateException("no IPv6 network follows " + this);
        }
        return new Ip6Net(new Ip6(following), prefixLen);
    }

    /** The network as Flannel prints it, e.g. {@code fd00:12:13::/56}. */
    @Override
    public String toString() {
        return ip + "/" + prefixLen;
    }

    static BigInteger mask(int prefixLen) {
        BigInteger all = Ip6.ADDRESS_SPACE.subtract(BigInteger.ONE);
        BigInteger host = BigInteger.ONE.shiftLeft(128 - prefixLen).subtract(BigInteger.ONE);
        return all.xor(host);
    }
}
