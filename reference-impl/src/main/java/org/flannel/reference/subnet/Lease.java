package org.flannel.reference.subnet;

import java.time.Instant;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.ip.Ip6Net;

/**
 * A subnet lease: the subnet(s) a node holds, what it advertises for them, and when the etcd lease
 * behind the key runs out (Flannel's {@code lease.Lease}).
 *
 * @param subnet the node's IPv4 subnet
 * @param ipv6Subnet the node's IPv6 subnet, or null when the lease is IPv4 only
 * @param attrs the stored value
 * @param expiration when the key's etcd lease expires, or null when unknown / without TTL
 */
public record Lease(Ip4Net subnet, Ip6Net ipv6Subnet, LeaseAttrs attrs, Instant expiration) {

    public Lease {
        if (subnet == null || attrs == null) {
            throw new IllegalArgumentException("a lease needs a subnet and attributes");
        }
    }

    /** The key of this lease under {@code <prefix>/subnets/}. */
    public SubnetKey key() {
        return new SubnetKey(subnet, ipv6Subnet);
    }

    public Lease withAttrs(LeaseAttrs newAttrs) {
        return new Lease(subnet, ipv6Subnet, newAttrs, expiration);
    }

    public Lease withExpiration(Instant newExpiration) {
        return new Lease(subnet, ipv6Subnet, attrs, newExpiration);
    }
}
