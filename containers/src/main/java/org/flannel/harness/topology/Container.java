package org.flannel.harness.topology;

/** A pod attached to its node's docker0 bridge, addressed from the node's flannel subnet. */
public interface Container extends Host {
    /** The node it runs on. */
    String node();

    /** Its eth0 address, e.g. "10.1.15.2". */
    String address();

    int prefixLength();

    /** The docker0 address on its node, its default gateway. */
    String gateway();

    int mtu();
}
