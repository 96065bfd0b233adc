package org.flannel.reference.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.subnet.LeaseEvent;

/**
 * The lease-following loop every backend shares (Flannel's route_network.go handleSubnetEvents, with the
 * own-lease check of subnet/watch.go): the events of a batch, in order, each one for a peer handed to
 * the network as an added or a removed peer. This node's own lease is never a peer: its events go to
 * {@code ownLeaseEvents} (the lease keeper), after the batch's peers, and only when there are some.
 */
public final class LeaseFollower implements Consumer<List<LeaseEvent>> {
    private final Network network;
    private final Ip4Net ownSubnet;
    private final Consumer<List<LeaseEvent>> ownLeaseEvents;

    public LeaseFollower(Network network, Consumer<List<LeaseEvent>> ownLeaseEvents) {
        this.network = network;
        this.ownSubnet = network.lease().subnet();
        this.ownLeaseEvents = ownLeaseEvents;
    }

    @Override
    public void accept(List<LeaseEvent> events) {
        List<LeaseEvent> own = new ArrayList<>();
        for (LeaseEvent event : events) {
            if (event.subnet().equals(ownSubnet)) {
                own.add(event);
            } else if (event.type() == LeaseEvent.Type.ADDED) {
                network.peerAdded(event.lease());
            } else {
                network.peerRemoved(event.subnet());
            }
        }
        if (!own.isEmpty()) {
            ownLeaseEvents.accept(own);
        }
    }
}
