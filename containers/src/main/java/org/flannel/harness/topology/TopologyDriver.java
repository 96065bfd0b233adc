package org.flannel.harness.topology;

/** Makes a {@link TopologySpec} real (on network namespaces or Docker; {@link TopologyDrivers} picks one). */
public interface TopologyDriver {
    /** Creates everything and returns once every node is configured and etcd (if any) is healthy. */
    Topology create(TopologySpec spec);
}
