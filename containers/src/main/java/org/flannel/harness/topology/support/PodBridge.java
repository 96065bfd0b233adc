package org.flannel.harness.topology.support;

import java.util.HashSet;
import java.util.Set;
import org.flannel.harness.topology.Ipv4;
import org.flannel.harness.topology.Ipv4Cidr;
import org.flannel.harness.topology.TopologyException;

/** A node's docker0: its address (FLANNEL_SUBNET), MTU, and the next free container address. */
public final class PodBridge {
    public static final String NAME = "docker0";

    private final String node;
    private final Ipv4Cidr subnet;
    private final int mtu;
    private final Set<Integer> taken = new HashSet<>();
    private int next;

    public PodBridge(String node, Ipv4Cidr subnet, int mtu) {
        this.node = node;
        this.subnet = subnet;
        this.mtu = mtu;
        this.next = subnet.address() + 1;
    }

    public Ipv4Cidr subnet() {
        return subnet;
    }

    public int mtu() {
        return mtu;
    }

    /** Addresses follow the bridge's: .2, .3 ... like Docker's IPAM. */
    public synchronized String allocate() {
        while (next == subnet.address() || taken.contains(next)) {
            next++;
        }
        if (!subnet.isUsableHost(next)) {
            throw new TopologyException("no free container address left in " + subnet + " on " + node);
        }
        taken.add(next);
        return Ipv4.format(next++);
    }

    /** A chosen address (the seed's 10.1.16.3, say): in the subnet, not the bridge's, not taken. */
    public synchronized String claim(String address) {
        int wanted = Ipv4.parse(address);
        if (!subnet.contains(wanted) || !subnet.isUsableHost(wanted) || wanted == subnet.address()) {
            throw new TopologyException(address + " is not a free container address in " + subnet + " on " + node);
        }
        if (!taken.add(wanted)) {
            throw new TopologyException(address + " is already used by another container on " + node);
        }
        return address;
    }
}
