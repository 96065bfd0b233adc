package org.flannel.reference.backend;

import java.util.List;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseEvent;

/**
 * A backend's network once registered: this node's lease, its MTU for pods, and how it follows its peers.
 * Closed when the daemon stops: a backend whose data path lives in flanneld (udp) stops it then. Nothing
 * is deleted, as in Flannel (udp's flannel0 is a TUN device: the kernel removes it with its descriptor).
 */
public interface Network extends AutoCloseable {

    Lease lease();

    /** What pods get as FLANNEL_MTU: the underlay MTU less this backend's encapsulation. */
    int mtu();

    /** Programs or removes the data path to the peers named by these events (never this node's own lease). */
    void handle(List<LeaseEvent> events);

    /** Nothing to stop for a backend whose data path is the kernel's. */
    @Override
    default void close() throws Exception {
    }
}
