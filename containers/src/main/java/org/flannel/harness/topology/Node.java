package org.flannel.harness.topology;

/** A machine on one or more segments: where flanneld and the containers of that node run. */
public interface Node extends Host {
    TopologySpec.NodeSpec spec();

    /** The eth0 address (without prefix length). */
    default String address() {
        return spec().address();
    }
}
