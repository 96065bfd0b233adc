package org.flannel.reference.subnet.etcd;

import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.subnet.Lease;

/**
 * A lease appeared or changed ({@code ADDED}, renewals included) or went away ({@code REMOVED}). A
 * removal read from a watch may not know what the lease held ({@code lease} null: etcd had no previous
 * value to give); the {@link LeaseWatcher} fills in the attributes it last saw before anyone else gets it.
 */
public record LeaseEvent(Type type, Ip4Net subnet, Lease lease) {
    public enum Type { ADDED, REMOVED }

    public static LeaseEvent added(Lease lease) {
        return new LeaseEvent(Type.ADDED, lease.subnet(), lease);
    }

    public static LeaseEvent removed(Lease lease) {
        return new LeaseEvent(Type.REMOVED, lease.subnet(), lease);
    }

    /** A removal whose last attributes are not known yet. */
    public static LeaseEvent removed(Ip4Net subnet) {
        return new LeaseEvent(Type.REMOVED, subnet, null);
    }
}
