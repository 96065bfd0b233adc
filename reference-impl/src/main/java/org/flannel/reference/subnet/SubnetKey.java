package org.flannel.reference.subnet;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.ip.Ip6;
import org.flannel.reference.ip.Ip6Net;

/**
 * The last element of a lease key under {@code <prefix>/subnets/}: {@code 10.1.15.0-24}, or
 * {@code 10.12.13.0-24&fd00:12:13::-56} for a dual-stack lease ({@code pkg/subnet/subnet.go}
 * {@code MakeSubnetKey} / {@code ParseSubnetKey}).
 */
public record SubnetKey(Ip4Net subnet, Ip6Net ipv6Subnet) {

    /**
     * Flannel's regex, unchanged in meaning: unanchored at the start (so a full etcd path matches), the
     * dots after the second octet unescaped (any character), and anchored at the very end. Java's
     * {@code $} would also match before a final line break, Go's does not, hence {@code \z}.
     */
    private static final Pattern KEY = Pattern.compile("(\\d+\\.\\d+.\\d+.\\d+)-(\\d+)(?:&([a-f\\d:]+)-(\\d+))?\\z");

    /**
     * Java's backtracking makes this regex quadratic on long digit runs where Go's RE2 is linear; no real
     * key comes near this length, so longer text is simply not a subnet key.
     */
    private static final int MAX_KEY_LENGTH = 4096;

    public SubnetKey {
        if (subnet == null) {
            throw new IllegalArgumentException("a subnet key needs an IPv4 subnet");
        }
    }

    /**
     * Parses a key or a full etcd path ({@code /coreos.com/network/subnets/10.5.52.0-24}). Empty when
     * Flannel's {@code ParseSubnetKey} returns nil: no match, an address Go's {@code net.ParseIP} refuses,
     * an IPv4 prefix over 31 or an IPv6 prefix over 127 ({@code strconv.ParseUint} with 5 and 7 bits).
     * Also empty, unlike Flannel, when an address is not its network's address (e.g. {@code 10.1.15.7-24}):
     * Flannel would keep 10.1.15.7/24 and write back the same odd key, which our always-normalised
     * networks cannot represent.
     */
    public static Optional<SubnetKey> parse(String keyOrFullEtcdPath) {
        if (keyOrFullEtcdPath == null || keyOrFullEtcdPath.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        // Go's FindStringSubmatch: only the leftmost match counts, no retry further right.
        Matcher m = KEY.matcher(keyOrFullEtcdPath);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            Ip4 ip = Ip4.parse(m.group(1));
            int prefixLen = parsePrefix(m.group(2), 31);
            Ip4Net subnet = Ip4Net.of(ip, prefixLen);
            if (!subnet.ip().equals(ip)) {
                return Optional.empty();
            }
            Ip6Net ipv6Subnet = null;
            if (m.group(3) != null) {
                Ip6 ip6 = Ip6.parse(m.group(3));
                ipv6Subnet = Ip6Net.of(ip6, parsePrefix(m.group(4), 127));
                if (!ipv6Subnet.ip().equals(ip6)) {
                    return Optional.empty();
                }
            }
            return Optional.of(new SubnetKey(subnet, ipv6Subnet));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The key text: {@code 10.1.15.0-24} or {@code 10.12.13.0-24&fd00:12:13::-56}. */
    public String format() {
        String v4 = subnet.ip() + "-" + subnet.prefixLen();
        return ipv6Subnet == null ? v4 : v4 + "&" + ipv6Subnet.ip() + "-" + ipv6Subnet.prefixLen();
    }

    @Override
    public String toString() {
        return format();
    }

    /** Go's {@code strconv.ParseUint(s, 10, bits)}: decimal digits whose value fits in {@code max}. */
    private static int parsePrefix(String digits, int max) {
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        if (significant.length() > 3 || Integer.parseInt(significant) > max) {
            throw new IllegalArgumentException("prefix length out of range: " + digits);
        }
        return Integer.parseInt(significant);
    }
}
