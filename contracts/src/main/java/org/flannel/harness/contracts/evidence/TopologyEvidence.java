package org.flannel.harness.contracts.evidence;

import java.util.List;
import java.util.Optional;

/** The topology a scenario declared ("Given a topology:"): segments, nodes and routers with their addresses, etcd. */
public record TopologyEvidence(List<Segment> segments, List<Host> nodes, List<Host> routers, Optional<Etcd> etcd)
        implements Evidence {
    public static final String KIND = "topology";

    /** An L2 segment: {@code underlay}, {@code 10.168.0.0/24}. */
    public record Segment(String name, String subnet) {}

    /** An interface: {@code eth0} on {@code underlay} at {@code 10.168.0.2}. */
    public record Interface(String name, String segment, String address) {}

    /** A node or a router; a node on a routed segment has a gateway. */
    public record Host(String name, Optional<String> gateway, List<Interface> interfaces) {
        public Host {
            gateway = gateway == null ? Optional.empty() : gateway;
            interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
        }
    }

    /** The etcd member every node publishes its lease in. */
    public record Etcd(String name, String segment, String address) {}

    public TopologyEvidence {
        segments = segments == null ? List.of() : List.copyOf(segments);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        routers = routers == null ? List.of() : List.copyOf(routers);
        etcd = etcd == null ? Optional.empty() : etcd;
    }
}
