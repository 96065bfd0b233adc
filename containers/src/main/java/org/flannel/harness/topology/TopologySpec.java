package org.flannel.harness.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a topology should contain, independent of the driver that makes it real: L2 segments
 * (each an IPv4 subnet), nodes attached to them (first attachment is eth0, then eth1 ...), routers
 * that forward between segments, at most one etcd member, and each host's default gateway.
 * Immutable; built with {@link #builder()}, which validates everything.
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

    /**
     * A host that forwards IPv4 between the segments it is attached to (at least two). Its
     * interfaces are numbered eth0, eth1 ... in the order the segments were declared.
     */
    public record RouterSpec(String name, List<InterfaceSpec> interfaces) {
        public RouterSpec {
            interfaces = List.copyOf(interfaces);
        }

        /** Its address on {@code segment}, if it is attached there. */
        public Optional<String> addressOn(String segment) {
            return interfaces.stream()
                    .filter(i -> i.segment().equals(segment))
                    .map(InterfaceSpec::address)
                    .findFirst();
        }
    }

    /** The name {@link Builder#gateway(String, String)} and {@link #gateway(String)} use for the etcd member. */
    public static final String ETCD = "etcd";

    private final Map<String, SegmentSpec> segments;
    private final Map<String, NodeSpec> nodes;
    private final Map<String, RouterSpec> routers;
    private final EtcdSpec etcd;
    private final Map<String, String> gateways;

    private TopologySpec(
            Map<String, SegmentSpec> segments,
            Map<String, NodeSpec> nodes,
            Map<String, RouterSpec> routers,
            EtcdSpec etcd,
            Map<String, String> gateways) {
        this.segments = segments;
        this.nodes = nodes;
        this.routers = routers;
        this.etcd = etcd;
        this.gateways = gateways;
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

    public List<RouterSpec> routers() {
        return List.copyOf(routers.values());
    }

    public Optional<RouterSpec> router(String name) {
        return Optional.ofNullable(routers.get(name));
    }

    /**
     * The default gateway of a node, router or {@link #ETCD etcd}: the one declared with
     * {@link Builder#gateway(String, String)}, else, for a node or etcd whose first segment has a
     * router, that router's address there. Empty means no gateway: a node then gets an on-link
     * default route on eth0 ({@code default dev eth0}), etcd and routers get no default route.
     */
    public Optional<String> gateway(String host) {
        return Optional.ofNullable(gateways.get(host));
    }

    /** True for a name that may be used for a node or container (also checked by drivers). */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Names a driver may reserve for its own namespaces/containers. */
    public static boolean isReservedName(String name) {
        return name.equals(ETCD) || name.startsWith("seg-");
    }

    @Override
    public String toString() {
        return "TopologySpec{segments=" + segments.values() + ", nodes=" + nodes.values()
                + (routers.isEmpty() ? "" : ", routers=" + routers.values()) + ", etcd=" + etcd
                + (gateways.isEmpty() ? "" : ", gateways=" + gateways) + "}";
    }

    /** Collects declarations in order; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private record RawSegment(String name, String cidr) {}

        private record RawAttachment(String node, String segment, String address, boolean isNew) {}

        private record RawRouter(String name, Map<String, String> addresses) {}

        private record RawGateway(String host, String address) {}

        private final List<RawSegment> rawSegments = new ArrayList<>();
        private final List<RawAttachment> attachments = new ArrayList<>();
        private final List<RawRouter> rawRouters = new ArrayList<>();
        private final List<EtcdSpec> etcds = new ArrayList<>();
        private final List<RawGateway> rawGateways = new ArrayList<>();

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

        /**
         * An etcd member on {@code segment}, reachable from every node on it (and from other segments
         * when it has a gateway: derived from a router on its segment, or given with gateway("etcd", ...)).
         */
        public Builder etcd(String segment, String address) {
            etcds.add(new EtcdSpec(segment, address));
            return this;
        }

        /**
         * A router attached to each segment in {@code addresses} (segment name to the router's address
         * there; at least two), forwarding between them, e.g.
         * {@code router("router", Map.of("underlay", "10.168.0.1", "underlay2", "10.168.1.1"))}.
         * Interfaces are numbered in segment declaration order, whatever the map's order. Every node and
         * etcd whose first segment has a router gets a default route via it, unless given another
         * with {@link #gateway(String, String)}.
         */
        public Builder router(String name, Map<String, String> addresses) {
            rawRouters.add(new RawRouter(name, addresses == null ? Map.of() : new LinkedHashMap<>(addresses)));
            return this;
        }

        /**
         * The default gateway of a node, router or "etcd": an address on one of its segments (any
         * address: a router's, a forwarding node's, or nobody's). Overrides the gateway derived from a
         * router on the host's first segment.
         */
        public Builder gateway(String host, String address) {
            rawGateways.add(new RawGateway(host, address));
            return this;
        }

        public TopologySpec build() {
            List<String> problems = new ArrayList<>();
            Map<String, SegmentSpec> segments = buildSegments(problems);
            Map<String, NodeSpec> nodes = buildNodes(segments, problems);
            Map<String, RouterSpec> routers = buildRouters(segments, nodes, problems);
            EtcdSpec etcd = checkEtcd(segments, problems);
            checkUniqueAddresses(nodes, routers, etcd, problems);
            Map<String, String> gateways = buildGateways(segments, nodes, routers, etcd, problems);
            if (!problems.isEmpty()) {
                throw new TopologySpecException(problems);
            }
            return new TopologySpec(segments, nodes, routers, etcd, gateways);
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
                    problems.add("segment '" + raw.name() + "': " + subnet + " has host bits set; write "
                            + subnet.network());
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
                    problems.add(
                            rawRouters.stream().anyMatch(r -> r.name().equals(raw.node()))
                                    ? "attach: '" + raw.node()
                                            + "' is a router; give all its segments in router(name, addresses)"
                                    : "attach: unknown " + who + "; declare it with node(...) first");
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

        private Map<String, RouterSpec> buildRouters(
                Map<String, SegmentSpec> segments, Map<String, NodeSpec> nodes, List<String> problems) {
            Map<String, RouterSpec> routers = new LinkedHashMap<>();
            for (RawRouter raw : rawRouters) {
                String who = "router '" + raw.name() + "'";
                if (!isValidName(raw.name())) {
                    problems.add(who + ": name must match " + NAME.pattern());
                    continue;
                }
                if (isReservedName(raw.name())) {
                    problems.add(who + ": name is reserved (etcd, seg-*); pick another");
                    continue;
                }
                if (segments.containsKey(raw.name())) {
                    problems.add(who + " has the name of a segment; capture points would be ambiguous");
                    continue;
                }
                boolean nodeName = nodes.containsKey(raw.name())
                        || attachments.stream()
                                .anyMatch(a -> a.isNew() && a.node().equals(raw.name()));
                if (nodeName) {
                    problems.add(who + " has the name of a node; hosts need distinct names");
                    continue;
                }
                if (routers.containsKey(raw.name())) {
                    problems.add(who + " is declared twice; give all its segments in one router(name, addresses)");
                    continue;
                }
                if (raw.addresses().size() < 2) {
                    problems.add(who + " is attached to " + raw.addresses().size() + " segment(s) "
                            + raw.addresses().keySet() + "; a router needs at least two to route between");
                }
                boolean valid = true;
                for (Map.Entry<String, String> entry : new TreeMap<>(raw.addresses()).entrySet()) {
                    valid &= checkAddress(who, entry.getKey(), entry.getValue(), segments, problems);
                }
                if (!valid || raw.addresses().size() < 2) {
                    continue;
                }
                List<InterfaceSpec> ifaces = new ArrayList<>();
                for (String segment : segments.keySet()) {
                    if (raw.addresses().containsKey(segment)) {
                        ifaces.add(new InterfaceSpec(
                                "eth" + ifaces.size(), segment, raw.addresses().get(segment)));
                    }
                }
                routers.put(raw.name(), new RouterSpec(raw.name(), ifaces));
            }
            return routers;
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
                problems.add(who + ": unknown segment '" + segment + "' (declared: "
                        + String.join(", ", segments.keySet()) + "); declare it with segment(name, cidr) first");
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
                problems.add(
                        who + ": address " + address + " is outside segment '" + segment + "' (" + seg.subnet() + ")");
                return false;
            }
            if (!seg.subnet().isUsableHost(ip)) {
                problems.add(who + ": address " + address + " is the network or broadcast address of " + seg.subnet());
                return false;
            }
            return true;
        }

        private static void checkUniqueAddresses(
                Map<String, NodeSpec> nodes, Map<String, RouterSpec> routers, EtcdSpec etcd, List<String> problems) {
            Map<String, String> owners = new HashMap<>();
            for (NodeSpec node : nodes.values()) {
                for (InterfaceSpec iface : node.interfaces()) {
                    claim(owners, iface.address(), "node '" + node.name() + "'", problems);
                }
            }
            for (RouterSpec router : routers.values()) {
                for (InterfaceSpec iface : router.interfaces()) {
                    claim(owners, iface.address(), "router '" + router.name() + "'", problems);
                }
            }
            if (etcd != null) {
                claim(owners, etcd.address(), "etcd", problems);
            }
        }

        /**
         * Explicit gateways first (each checked against its host's segments), then derived ones: a node
         * or etcd without one gets the router on its first segment, if exactly one router is there.
         */
        private Map<String, String> buildGateways(
                Map<String, SegmentSpec> segments,
                Map<String, NodeSpec> nodes,
                Map<String, RouterSpec> routers,
                EtcdSpec etcd,
                List<String> problems) {
            Map<String, List<InterfaceSpec>> hosts = new LinkedHashMap<>();
            nodes.values().forEach(node -> hosts.put(node.name(), node.interfaces()));
            routers.values().forEach(router -> hosts.put(router.name(), router.interfaces()));
            if (etcd != null) {
                hosts.put(ETCD, List.of(new InterfaceSpec("eth0", etcd.segment(), etcd.address())));
            }
            Map<String, String> gateways = new LinkedHashMap<>();
            Set<String> declared = new HashSet<>();
            for (RawGateway raw : rawGateways) {
                String who = "gateway of " + describe(raw.host());
                if (!declared.add(raw.host())) {
                    problems.add(who + " is declared twice");
                    continue;
                }
                List<InterfaceSpec> ifaces = hosts.get(raw.host());
                if (ifaces == null) {
                    if (!hostDeclared(raw.host(), nodes, routers)) {
                        List<String> known = new ArrayList<>(hosts.keySet());
                        problems.add("gateway: unknown host '" + raw.host() + "' (declared: " + String.join(", ", known)
                                + "); gateways are for nodes, routers and etcd");
                    }
                    continue; // a host that failed validation itself: its own problem says why
                }
                int ip;
                try {
                    ip = Ipv4.parse(raw.address());
                } catch (IllegalArgumentException e) {
                    problems.add(who + ": " + e.getMessage());
                    continue;
                }
                Optional<InterfaceSpec> onLink = ifaces.stream()
                        .filter(i -> segments.get(i.segment()).subnet().contains(ip))
                        .findFirst();
                if (onLink.isEmpty()) {
                    problems.add(who + ": " + raw.address() + " is on none of its segments ("
                            + ifaces.stream()
                                    .map(i -> i.segment() + " "
                                            + segments.get(i.segment()).subnet())
                                    .collect(Collectors.joining(", "))
                            + "); a gateway must be reachable on-link");
                    continue;
                }
                SegmentSpec segment = segments.get(onLink.get().segment());
                if (!segment.subnet().isUsableHost(ip)) {
                    problems.add(
                            who + ": " + raw.address() + " is the network or broadcast address of " + segment.subnet());
                    continue;
                }
                if (ifaces.stream().anyMatch(i -> i.address().equals(raw.address()))) {
                    problems.add(who + ": " + raw.address() + " is its own address");
                    continue;
                }
                gateways.put(raw.host(), raw.address());
            }
            hosts.forEach((host, ifaces) -> {
                if (declared.contains(host) || routers.containsKey(host)) {
                    return;
                }
                String segment = ifaces.get(0).segment();
                List<RouterSpec> candidates = routers.values().stream()
                        .filter(r -> r.addressOn(segment).isPresent())
                        .toList();
                if (candidates.size() == 1) {
                    gateways.put(host, candidates.get(0).addressOn(segment).orElseThrow());
                } else if (candidates.size() > 1) {
                    String listed = candidates.stream()
                            .map(r -> r.name() + " (" + r.addressOn(segment).orElseThrow() + ")")
                            .collect(Collectors.joining(", "));
                    problems.add(describe(host) + ": segment '" + segment + "' has routers " + listed
                            + "; say which with gateway(\"" + host + "\", address)");
                }
            });
            return gateways;
        }

        private boolean hostDeclared(String host, Map<String, NodeSpec> nodes, Map<String, RouterSpec> routers) {
            return nodes.containsKey(host)
                    || routers.containsKey(host)
                    || attachments.stream().anyMatch(a -> a.isNew() && a.node().equals(host))
                    || rawRouters.stream().anyMatch(r -> r.name().equals(host))
                    || (host.equals(ETCD) && !etcds.isEmpty());
        }

        private String describe(String host) {
            if (host.equals(ETCD)) {
                return "etcd";
            }
            boolean router = rawRouters.stream().anyMatch(r -> r.name().equals(host))
                    && attachments.stream().noneMatch(a -> a.isNew() && a.node().equals(host));
            return (router ? "router '" : "node '") + host + "'";
        }

        private static void claim(Map<String, String> owners, String address, String who, List<String> problems) {
            String previous = owners.putIfAbsent(address, who);
            if (previous != null) {
                problems.add(who + ": address " + address + " is already used by " + previous);
            }
        }
    }
}
