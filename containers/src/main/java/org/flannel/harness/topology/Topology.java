package org.flannel.harness.topology;

import java.nio.file.Path;
import java.util.List;

/** A running topology. {@link #close()} destroys everything it created, in reverse order. */
public interface Topology extends AutoCloseable {
    /** The per-run prefix carried by every name this run created, e.g. "fc3a9f". */
    String runId();

    TopologySpec spec();

    /** Per-run scratch directory (logs, captures, etcd data); removed by {@link #close()}. */
    Path workDir();

    /** A node by name; "node1:eth0" also works (the interface part is ignored). */
    Node node(String name);

    List<Node> nodes();

    /** A container by name; "container-1:eth0" also works. */
    Container container(String name);

    List<Container> containers();

    /** A router by name; "router:eth1" also works. */
    Router router(String name);

    List<Router> routers();

    /** A node, router, container or the etcd member ("etcd") by name. */
    Host host(String name);

    /** Throws if the spec declared no etcd. */
    EtcdMember etcd();

    /**
     * Starts tcpdump at {@code point} ("node1:eth0", "container-1:eth0", or a segment name for its
     * bridge) with a BPF {@code filter} (may be empty); returns once it is really listening.
     */
    Capture capture(String point, String filter);

    /**
     * Attaches a container to {@code node} the way Docker does from flannel's subnet file: docker0
     * (created once per node) gets FLANNEL_SUBNET and FLANNEL_MTU, the container the next free address.
     */
    Container addContainer(String name, String node, Path subnetEnvFile);

    /** The same, with a chosen address inside the node's subnet (e.g. the seed's 10.1.16.3). */
    Container addContainer(String name, String node, Path subnetEnvFile, String address);

    @Override
    void close();
}
