package org.flannel.reference.backend;

import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.subnet.Lease;

/**
 * A backend's network once registered: this node's lease, its MTU for pods, and what it does for a peer
 * that comes and for one that goes. Which leases are peers, and in what order they arrive, is the
 * {@link LeaseFollower}'s job, the same for every backend. Closed when the daemon stops: a backend whose
 * data path lives in flanneld (udp) stops it then. Nothing is deleted, as in Flannel (udp's flannel0 is a
 * TUN device: the kernel removes it with its descriptor).
 */
public interface Network extends AutoCloseable {

    Lease lease();

    /** What pods get as FLANNEL_MTU: the underlay MTU less this backend's encapsulation. */
    int mtu();

    /**
     * A peer's lease appeared, was renewed or changed in place (a new VTEP MAC, a new public IP): program
     * the data path to it. Never this node's own lease.
     */
    void peerAdded(Lease peer);

    /**
     * A peer's lease went: undo what was programmed for its subnet. Only the subnet is given: what to
     * undo is what the backend programmed, not what the removal happens to carry.
     */
    void peerRemoved(Ip4Net subnet);

    /** Nothing to stop for a backend whose data path is the kernel's. */
    @Override
    default void close() throws Exception {}
}
