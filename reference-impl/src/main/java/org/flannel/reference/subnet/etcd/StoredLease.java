package org.flannel.reference.subnet.etcd;

import java.util.Optional;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseAttrs;
import org.flannel.reference.subnet.SubnetKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key and value read under {@code <prefix>/subnets/} made into a lease a backend can use, or skipped
 * with a line saying why: a key that names no subnet, a value that is no lease JSON, a lease without a
 * PublicIP. One bad entry never stops the others, nor the agent.
 */
final class StoredLease {
    private static final Logger LOG = LoggerFactory.getLogger(StoredLease.class);

    private StoredLease() {}

    /** The lease stored under {@code key}, without its expiration (read separately, from its etcd lease). */
    static Optional<Lease> read(String key, String value) {
        Optional<SubnetKey> subnet = subnetKey(key);
        if (subnet.isEmpty()) {
            return Optional.empty();
        }
        LeaseAttrs attrs;
        try {
            attrs = LeaseAttrs.fromJson(value);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: cannot read the lease's value ({}), skipping", key, e.getMessage());
            return Optional.empty();
        }
        // Beyond Flannel, which programs such a lease towards 0.0.0.0: without a PublicIP it leads nowhere.
        if (Ip4.ZERO.equals(attrs.publicIp())) {
            LOG.warn("{}: the lease has no PublicIP, skipping", key);
            return Optional.empty();
        }
        return Optional.of(new Lease(subnet.get().subnet(), subnet.get().ipv6Subnet(), attrs, null));
    }

    /** The subnet a key names; empty, with Flannel's line, for a key that names none. */
    static Optional<SubnetKey> subnetKey(String key) {
        Optional<SubnetKey> parsed = SubnetKey.parse(key);
        if (parsed.isEmpty()) {
            LOG.warn("{}: not a subnet, skipping", key);
        }
        return parsed;
    }

    /** What a deleted lease held, when its previous value is still readable; else null. */
    static LeaseAttrs attrsOrNull(String value) {
        try {
            return LeaseAttrs.fromJson(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
