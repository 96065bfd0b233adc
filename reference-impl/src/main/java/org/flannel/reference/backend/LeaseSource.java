package org.flannel.reference.backend;

import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseAttrs;

/** Acquires this node's lease once a backend knows what to publish in it (e.g. its VTEP MAC). */
@FunctionalInterface
public interface LeaseSource {
    Lease acquire(LeaseAttrs attrs) throws Exception;
}
