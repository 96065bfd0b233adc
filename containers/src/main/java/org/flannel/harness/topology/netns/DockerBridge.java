package org.flannel.harness.topology.netns;

import org.flannel.harness.topology.Ipv4;
import org.flannel.harness.topology.Ipv4Cidr;
import org.flannel.harness.topology.TopologyException;

/** A node's docker0: its address (FLANNEL_SUBNET), MTU, and the next free container address. */
final class DockerBridge {
    static final String NAME = "docker0";

    private final String node;
    private final Ipv4Cidr subnet;
    private final int mtu;
    private int next;

    DockerBridge(String node, Ipv4Cidr subnet, int mtu) {
        this.node = node;
        this.subnet = subnet;
        this.mtu = mtu;
        this.next = subnet.address() + 1;
    }

    Ipv4Cidr subnet() {
        return subnet;
    }

    int mtu() {
        return mtu;
    }

    /** Addresses follow the bridge's: .2, .3 ... like Docker's IPAM. */
    synchronized String allocate() {
        while (next == subnet.address()) {
            next++;
        }
        if (!subnet.isUsableHost(next)) {
            throw new TopologyException("no free container address left in " + subnet + " on " + node);
        }
        return Ipv4.format(next++);
    }
}
