package org.flannel.reference.subnet.etcd;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseAttrs;

/** What keeping this node's own lease needs of the store: rewriting it under a fresh TTL, reading its expiry. */
public interface OwnLeaseStore {

    /** Writes the lease again under a new TTL of {@code ttl}; the result carries the new expiration. */
    Lease updateLease(Ip4Net subnet, LeaseAttrs attrs, Duration ttl) throws RegistryException;

    /** When the lease's key expires; empty when the key is gone, {@link Instant#MAX} for a reservation. */
    Optional<Instant> expirationOf(Ip4Net subnet) throws RegistryException;
}
