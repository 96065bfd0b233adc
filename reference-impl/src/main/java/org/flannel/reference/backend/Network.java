package org.flannel.reference.backend;

import java.util.List;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.etcd.LeaseEvent;

/** A backend's network once registered: this node's lease, its MTU for pods, and how it follows its peers. */
public interface Network {

    Lease lease();

    /** What pods get as FLANNEL_MTU: the underlay MTU less this backend's encapsulation. */
    int mtu();

    /** Programs or removes the data path to the peers named by these events (never this node's own lease). */
    void handle(List<LeaseEvent> events);
}
