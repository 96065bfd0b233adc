package org.flannel.reference.subnet.etcd;

import org.flannel.reference.subnet.Lease;

/**
 * A lease appeared or changed ({@code ADDED}, renewals included) or went away ({@code REMOVED}, carrying
 * the attributes it last had, so that a backend knows what to unprogram).
 */
public record LeaseEvent(Type type, Lease lease) {
    public enum Type { ADDED, REMOVED }

    public static LeaseEvent added(Lease lease) {
        return new LeaseEvent(Type.ADDED, lease);
    }

    public static LeaseEvent removed(Lease lease) {
        return new LeaseEvent(Type.REMOVED, lease);
    }
}
