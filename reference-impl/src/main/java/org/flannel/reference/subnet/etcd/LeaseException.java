package org.flannel.reference.subnet.etcd;

/** No lease could be had (out of subnets, or lost every race). */
public final class LeaseException extends Exception {
    public LeaseException(String message) {
        super(message);
    }
}
