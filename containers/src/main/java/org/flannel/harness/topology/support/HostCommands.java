package org.flannel.harness.topology.support;

/** Shell commands both drivers run on their hosts, so that namespaces and containers are set up alike. */
public final class HostCommands {
    /** IPv6 off: no router solicitations or MLD reports in captures and route tables. */
    public static final String NO_IPV6 =
            "sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1";

    private HostCommands() {}

    /** TX checksum offload off, so that captures show real checksums instead of the ones left to the NIC. */
    public static String txChecksumOffloadOff(String iface) {
        return "ethtool -K " + iface + " tx off >/dev/null";
    }
}
