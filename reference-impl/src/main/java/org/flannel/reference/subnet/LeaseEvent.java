package org.flannel.reference.subnet;

import org.flannel.reference.ip.Ip4Net;

/**
 * A lease appeared or changed ({@code ADDED}, renewals included) or went away ({@code REMOVED}), whatever
 * store it was read from (Flannel keeps its lease events apart from the store, in its own package). A
 * removal read from a watch may not know what the lease held ({@code lease} null: the store had no
 * previous value to give); whoever watches the store fills in the attributes it last saw before handing
 * the event on.
 */
public record LeaseEvent(Type type, Ip4Net subnet, Lease lease) {
    public enum Type {
        ADDED,
        REMOVED
    }

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
