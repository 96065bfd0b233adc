package org.flannel.reference.subnet.etcd;

import java.util.List;
import org.flannel.reference.subnet.Lease;

/** All leases at one etcd revision: a watch started at {@code revision + 1} misses nothing. */
public record LeaseSnapshot(List<Lease> leases, long revision) {}
