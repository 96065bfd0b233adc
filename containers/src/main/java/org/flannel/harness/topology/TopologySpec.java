package org.flannel.harness.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a topology should contain, independent of the driver that makes it real: L2 segments
 * (each an IPv4 subnet), nodes attached to them (first attachment is eth0, then eth1 ...) and at
 * most one etcd member. Immutable; built with {@link #builder()}, which validates everything.
 */
public final class TopologySpec {
    /** Names become parts of namespace/container names: keep them short and shell-safe. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");

    public record SegmentSpec(String name, Ipv4Cidr subnet) {}

    public record InterfaceSpec(String name, String segment, String address) {}

    public record NodeSpec(String name, List<InterfaceSpec> interfaces) {
        public NodeSpec {
            interfaces = List.copyOf(interfaces);
        }

        /** The eth0 address: the node's address on its first segment. */
        public String address() {
            return interfaces.get(0).address();
        }

        public String segment() {
            return interfaces.get(0).segment();
        }
    }

    public record EtcdSpec(String segment, String address) {}

    private final Map<String, SegmentSpec> segments;
    private final Map<String, NodeSpec> nodes;
    private final EtcdSpec etcd;

    private TopologySpec(Map<String, SegmentSpec> segments, Map<String, NodeSpec> nodes, EtcdSpec etcd) {
        this.segments = segments;
        this.nodes = nodes;
        this.etcd = etcd;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<SegmentSpec> segments() {
        return List.copyOf(segments.values());
    }

    public List<NodeSpec> nodes() {
        return List.copyOf(nodes.values());
    }

    public Optional<SegmentSpec> segment(String name) {
        return Optional.ofNullable(segments.get(name));
    }

    public Optional<NodeSpec> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    public Optional<EtcdSpec> etcd() {
        return Optional.ofNullable(etcd);
    }

    /** True for a name that may be used for a node or container (also checked by drivers). */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Names a driver may reserve for its own namespaces/containers. */
    public static boolean isReservedName(String name) {
        return name.equals("etcd") || name.startsWith("seg-");
    }

    @Override
    public String toString() {
        return "TopologySpec{segments=" + segments.values() + ", nodes=" + nodes.values() + ", etcd=" + etcd + "}";
    }

    /** Collects declarations in order; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private record RawSegment(String name, String cidr) {}

        private record RawAttachment(String node, String segment, String address, boolean isNew) {}

        private final List<RawSegment> rawSegments = new ArrayList<>();
        private final List<RawAttachment> attachments = new ArrayList<>();
        private final List<EtcdSpec> etcds = new ArrayList<>();

        private Builder() {}

        /** An L2 segment (a bridge) with an IPv4 subnet such as "10.168.0.0/24". */
        public Builder segment(String name, String cidr) {
            rawSegments.add(new RawSegment(name, cidr));
            return this;
        }

        /** A node whose eth0 is on {@code segment} with {@code address} (prefix length from the segment). */
        public Builder node(String name, String segment, String address) {
            attachments.add(new RawAttachment(name, segment, address, true));
            return this;
        }

        /** Gives an already declared node one more interface (eth1, eth2 ...) on another segment. */
        public Builder attach(String node, String segment, String address) {
            attachments.add(new RawAttachment(node, segment, address, false));
            return this;
        }

        /** An etcd member on {@code segment}, reachable from every node on it. */
        public Builder etcd(String segment, String address) {
            etcds.add(new EtcdSpec(segment, address));
            return this;
        }

        public TopologySpec build() {
            List<String> problems = new ArrayList<>();
            Map<String, SegmentSpec> segments = buildSegments(problems);
            Map<String, NodeSpec> nodes = buildNodes(segments, problems);
            EtcdSpec etcd = checkEtcd(segments, problems);
            checkUniqueAddresses(nodes, etcd, problems);
            if (!problems.isEmpty()) {
                throw new TopologySpecException(problems);
            }
            return new TopologySpec(segments, nodes, etcd);
        }

        private Map<String, SegmentSpec> buildSegments(List<String> problems) {
            Map<String, SegmentSpec> segments = new LinkedHashMap<>();
            for (RawSegment raw : rawSegments) {
                if (!isValidName(raw.name())) {
                    problems.add("segment '" + raw.name() + "': name must match " + NAME.pattern());
                    continue;
                }
                if (segments.containsKey(raw.name())) {
                    problems.add("segment '" + raw.name() + "' is declared twice");
                    continue;
                }
                Ipv4Cidr subnet;
                try {
                    subnet = Ipv4Cidr.parse(raw.cidr());
                } catch (IllegalArgumentException e) {
                    problems.add("segment '" + raw.name() + "': " + e.getMessage());
                    continue;
                }
                if (subnet.hasHostBits()) {
                    problems.add("segment '" + raw.name() + "': " + subnet + " has host bits set; write " + subnet.network());
                    continue;
                }
                segments.put(raw.name(), new SegmentSpec(raw.name(), subnet));
            }
            return segments;
        }

        private Map<String, NodeSpec> buildNodes(Map<String, SegmentSpec> segments, List<String> problems) {
            Map<String, List<InterfaceSpec>> interfaces = new LinkedHashMap<>();
            for (RawAttachment raw : attachments) {
                String who = "node '" + raw.node() + "'";
                if (raw.isNew()) {
                    if (!isValidName(raw.node())) {
                        problems.add(who + ": name must match " + NAME.pattern());
                        continue;
                    }
                    if (isReservedName(raw.node())) {
                        problems.add(who + ": name is reserved (etcd, seg-*); pick another");
                        continue;
                    }
                    if (segments.containsKey(raw.node())) {
                        problems.add(who + " has the name of a segment; capture points would be ambiguous");
                        continue;
                    }
                    if (interfaces.containsKey(raw.node())) {
                        problems.add(who + " is declared twice; use attach(...) to give a node another interface");
                        continue;
                    }
                    interfaces.put(raw.node(), new ArrayList<>());
                } else if (!interfaces.containsKey(raw.node())) {
                    problems.add("attach: unknown " + who + "; declare it with node(...) first");
                    continue;
                }
                List<InterfaceSpec> ifaces = interfaces.get(raw.node());
                if (checkAddress(who, raw.segment(), raw.address(), segments, problems)) {
                    if (ifaces.stream().anyMatch(i -> i.segment().equals(raw.segment()))) {
                        problems.add(who + " is attached to segment '" + raw.segment() + "' twice");
                    } else {
                        ifaces.add(new InterfaceSpec("eth" + ifaces.size(), raw.segment(), raw.address()));
                    }
                }
            }
            Map<String, NodeSpec> nodes = new LinkedHashMap<>();
            interfaces.forEach((name, ifaces) -> {
                if (!ifaces.isEmpty()) {
                    nodes.put(name, new NodeSpec(name, ifaces));
                }
            });
            return nodes;
        }

        private EtcdSpec checkEtcd(Map<String, SegmentSpec> segments, List<String> problems) {
            if (etcds.size() > 1) {
                problems.add("etcd is declared " + etcds.size() + " times; one member is supported");
            }
            if (etcds.isEmpty()) {
                return null;
            }
            EtcdSpec etcd = etcds.get(0);
            return checkAddress("etcd", etcd.segment(), etcd.address(), segments, problems) ? etcd : null;
        }

        private static boolean checkAddress(
                String who, String segment, String address, Map<String, SegmentSpec> segments, List<String> problems) {
            SegmentSpec seg = segments.get(segment);
            if (seg == null) {
                problems.add(who + ": unknown segment '" + segment + "' (declared: " + String.join(", ", segments.keySet())
                        + "); declare it with segment(name, cidr) first");
                return false;
            }
            int ip;
            try {
                ip = Ipv4.parse(address);
            } catch (IllegalArgumentException e) {
                problems.add(who + ": " + e.getMessage());
                return false;
            }
            if (!seg.subnet().contains(ip)) {
                problems.add(who + ": address " + address + " is outside segment '" + segment + "' (" + seg.subnet() + ")");
                return false;
            }
            if (!seg.subnet().isUsableHost(ip)) {
                problems.add(who + ": address " + address + " is the network or broadcast address of " + seg.subnet());
                return false;
            }
            return true;
        }

        private static void checkUniqueAddresses(Map<String, NodeSpec> nodes, EtcdSpec etcd, List<String> problems) {
            Map<String, String> owners = new HashMap<>();
            for (NodeSpec node : nodes.values()) {
                for (InterfaceSpec iface : node.interfaces()) {
                    claim(owners, iface.address(), "node '" + node.name() + "'", problems);
                }
            }
            if (etcd != null) {
                claim(owners, etcd.address(), "etcd", problems);
            }
        }

        private static void claim(Map<String, String> owners, String address, String who, List<String> problems) {
            String previous = owners.putIfAbsent(address, who);
            if (previous != null) {
                problems.add(who + ": address " + address + " is already used by " + previous);
            }
        }
    }
}
