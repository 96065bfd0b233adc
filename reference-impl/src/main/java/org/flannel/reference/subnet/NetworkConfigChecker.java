package org.flannel.reference.subnet;

import java.math.BigInteger;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip6;
import org.flannel.reference.ip.Ip6Net;

/**
 * Flannel's {@code subnet.CheckNetworkConfig} ({@code pkg/subnet/config.go}): fills SubnetLen,
 * SubnetMin and SubnetMax (and their IPv6 twins) when not given, and refuses an incoherent config
 * with Flannel's exact messages. Checks run in Flannel's order, so the first failing one is reported.
 */
final class NetworkConfigChecker {

    private NetworkConfigChecker() {}

    static void check(NetworkConfigFields c) throws ConfigException {
        if (c.enableIPv4) {
            checkIpv4(c);
        }
        if (c.enableIPv6) {
            checkIpv6(c);
        }
    }

    private static void checkIpv4(NetworkConfigFields c) throws ConfigException {
        // Go's IP4Net.Empty(): 0.0.0.0/0 counts as "not given".
        if (c.network == null || (c.network.ip().bits() == 0 && c.network.prefixLen() == 0)) {
            throw new ConfigException("please define a correct Network parameter in the flannel config");
        }
        int networkPrefix = c.network.prefixLen();
        if (c.subnetLen > 0) {
            // Room for a tunnel and a bridge address on each host.
            if (c.subnetLen > 30) {
                throw new ConfigException("SubnetLen must be less than /31");
            }
            // The first subnet is never used, so the network must hold more than two.
            if (c.subnetLen < networkPrefix + 2) {
                throw new ConfigException("network must be able to accommodate at least four subnets");
            }
        } else if (networkPrefix > 28) {
            throw new ConfigException("network is too small. Minimum useful network prefix is /28");
        } else if (networkPrefix <= 22) {
            c.subnetLen = 24;
        } else {
            c.subnetLen = networkPrefix + 2;
        }

        long subnetSize = 1L << (32 - c.subnetLen);
        if (c.subnetMin.bits() == 0) {
            // The first subnet is skipped: its .0 would clash with the network address.
            c.subnetMin = Ip4.fromLong((c.network.ip().toLong() + subnetSize) & 0xFFFF_FFFFL);
        } else if (!c.network.contains(c.subnetMin)) {
            throw new ConfigException("SubnetMin is not in the range of the Network");
        }
        if (c.subnetMax.bits() == 0) {
            long afterNetwork = c.network.ip().toLong() + c.network.size();
            c.subnetMax = Ip4.fromLong((afterNetwork - subnetSize) & 0xFFFF_FFFFL);
        } else if (!c.network.contains(c.subnetMax)) {
            throw new ConfigException("SubnetMax is not in the range of the Network");
        }

        int mask = (int) (0xFFFF_FFFFL << (32 - c.subnetLen));
        if ((c.subnetMin.bits() & mask) != c.subnetMin.bits()) {
            throw new ConfigException("SubnetMin is not on a SubnetLen boundary: " + c.subnetMin);
        }
        if ((c.subnetMax.bits() & mask) != c.subnetMax.bits()) {
            throw new ConfigException("SubnetMax is not on a SubnetLen boundary: " + c.subnetMax);
        }
        // Beyond Flannel, which takes such a range, creates its device and then exits with "out of subnets":
        // a range that holds no subnet is a config that cannot work, reported before anything is made.
        if (c.subnetMin.compareTo(c.subnetMax) > 0) {
            throw new ConfigException("SubnetMin (" + c.subnetMin + ") is above SubnetMax (" + c.subnetMax
                    + "): no subnet can be leased");
        }
    }

    private static void checkIpv6(NetworkConfigFields c) throws ConfigException {
        if (c.ipv6Network == null || (c.ipv6Network.ip().value().signum() == 0 && c.ipv6Network.prefixLen() == 0)) {
            throw new ConfigException("please define a correct IPv6Network parameter in the flannel config");
        }
        int networkPrefix = c.ipv6Network.prefixLen();
        if (c.ipv6SubnetLen > 0) {
            if (c.ipv6SubnetLen > 126) {
                throw new ConfigException("SubnetLen must be less than /127");
            }
            if (c.ipv6SubnetLen < networkPrefix + 2) {
                throw new ConfigException("network must be able to accommodate at least four subnets");
            }
        } else if (networkPrefix > 124) {
            throw new ConfigException("IPv6Network is too small. Minimum useful network prefix is /124");
        } else if (networkPrefix <= 62) {
            c.ipv6SubnetLen = 64;
        } else {
            c.ipv6SubnetLen = networkPrefix + 2;
        }

        BigInteger subnetSize = BigInteger.ONE.shiftLeft(128 - (int) c.ipv6SubnetLen);
        if (isUnset(c.ipv6SubnetMin)) {
            c.ipv6SubnetMin = c.ipv6Network.ip().plus(subnetSize);
        } else if (!c.ipv6Network.contains(c.ipv6SubnetMin)) {
            throw new ConfigException("IPv6SubnetMin is not in the range of the IPv6Network");
        }
        if (isUnset(c.ipv6SubnetMax)) {
            BigInteger afterNetwork = c.ipv6Network.ip().value().add(c.ipv6Network.size());
            c.ipv6SubnetMax = new Ip6(afterNetwork.subtract(subnetSize));
        } else if (!c.ipv6Network.contains(c.ipv6SubnetMax)) {
            throw new ConfigException("IPv6SubnetMax is not in the range of the IPv6Network");
        }

        if (!onBoundary(c.ipv6SubnetMin, (int) c.ipv6SubnetLen)) {
            throw new ConfigException("IPv6SubnetMin is not on a SubnetLen boundary: " + c.ipv6SubnetMin);
        }
        if (!onBoundary(c.ipv6SubnetMax, (int) c.ipv6SubnetLen)) {
            throw new ConfigException("IPv6SubnetMax is not on a SubnetLen boundary: " + c.ipv6SubnetMax);
        }
    }

    /** Go's {@code ip.IsEmpty}: a nil pointer or the address :: means "not given". */
    private static boolean isUnset(Ip6 address) {
        return address == null || address.value().signum() == 0;
    }

    private static boolean onBoundary(Ip6 address, int prefixLen) {
        return Ip6Net.of(address, prefixLen).ip().equals(address);
    }
}
