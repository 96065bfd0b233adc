package org.flannel.harness.reports.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flannel.harness.contracts.evidence.TopologyEvidence;
import org.flannel.harness.reports.model.Scenario;
import org.flannel.harness.reports.model.Step;

/**
 * The topology a scenario declared: segments, nodes and routers with their addresses, etcd, and the
 * containers (pods) and subnets its steps name, as the pages draw it.
 */
public record TopologyData(
        List<Segment> segments,
        List<Host> nodes,
        List<Host> routers,
        Optional<Host> etcd,
        List<Container> containers,
        Map<String, String> subnets) {

    public record Segment(String name, String subnet) {}

    /** An interface: {@code eth0} on {@code underlay} at {@code 10.168.0.2}. */
    public record Interface(String name, String segment, String address) {}

    public record Host(String name, List<Interface> interfaces) {
        public Host {
            interfaces = List.copyOf(interfaces);
        }

        public Optional<Interface> on(String segment) {
            return interfaces.stream().filter(i -> i.segment().equals(segment)).findFirst();
        }
    }

    /** A pod: {@code container-1} on {@code node1} at {@code 10.1.15.2}. */
    public record Container(String name, String node, String address) {}

    private static final Pattern TWO_CONTAINERS =
            Pattern.compile("^(\\S+) runs on (\\S+) at (\\S+) and (\\S+) on (\\S+) at (\\S+)$");
    private static final Pattern ONE_CONTAINER = Pattern.compile("^(\\S+) runs on (\\S+) at (\\S+)$");
    private static final Pattern REMEMBERS =
            Pattern.compile("^(\\S+) remembers the subnet (\\S+) and (\\S+) remembers (\\S+)$");
    private static final Pattern SUBNET_FILE = Pattern.compile("^(\\S+)'s subnet file says FLANNEL_SUBNET=(\\S+)$");

    public TopologyData {
        segments = List.copyOf(segments);
        nodes = List.copyOf(nodes);
        routers = List.copyOf(routers);
        containers = List.copyOf(containers);
        subnets = Map.copyOf(subnets);
    }

    /**
     * The scenario's topology, or empty when it declared none: the one its steps attached (contracts'
     * {@link TopologyEvidence}), else its {@code Given a topology:} table; with the pods and subnets its steps name.
     */
    public static Optional<TopologyData> of(Scenario scenario, Optional<TopologyEvidence> declared) {
        Optional<TopologyData> base = declared.map(TopologyData::of);
        if (base.isEmpty()) {
            base = scenario.steps().stream()
                    .filter(s -> s.text().equals("a topology:") && !s.table().isEmpty())
                    .findFirst()
                    .map(s -> fromTable(s.table()));
        }
        return base.map(topology -> topology.withSteps(scenario.steps()));
    }

    static TopologyData of(TopologyEvidence declared) {
        List<Segment> segments = declared.segments().stream()
                .map(s -> new Segment(s.name(), s.subnet()))
                .toList();
        Optional<Host> etcd =
                declared.etcd().map(e -> new Host("etcd", List.of(new Interface("eth0", e.segment(), e.address()))));
        return new TopologyData(
                segments, hosts(declared.nodes()), hosts(declared.routers()), etcd, List.of(), Map.of());
    }

    private static List<Host> hosts(List<TopologyEvidence.Host> declared) {
        return declared.stream()
                .map(host -> new Host(
                        host.name(),
                        host.interfaces().stream()
                                .map(i -> new Interface(i.name(), i.segment(), i.address()))
                                .toList()))
                .toList();
    }

    /** The {@code host | segment | address} table as the feature wrote it. */
    public static TopologyData fromTable(List<List<String>> table) {
        List<String> header = table.get(0);
        int host = header.indexOf("host");
        int segment = header.indexOf("segment");
        int address = header.indexOf("address");
        Map<String, String> segments = new LinkedHashMap<>();
        Map<String, List<Interface>> nodes = new LinkedHashMap<>();
        Map<String, List<Interface>> routers = new LinkedHashMap<>();
        Optional<Host> etcd = Optional.empty();
        for (List<String> row : table.subList(1, table.size())) {
            if (host < 0 || segment < 0 || address < 0 || row.size() <= Math.max(host, Math.max(segment, address))) {
                continue;
            }
            String name = row.get(host);
            String[] cidr = row.get(address).split("/");
            segments.putIfAbsent(row.get(segment), cidr.length == 2 ? network(cidr[0], Integer.parseInt(cidr[1])) : "");
            Map<String, List<Interface>> into = name.startsWith("router") ? routers : nodes;
            if (name.equals("etcd")) {
                etcd = Optional.of(new Host("etcd", List.of(new Interface("eth0", row.get(segment), cidr[0]))));
                continue;
            }
            List<Interface> interfaces = into.computeIfAbsent(name, n -> new ArrayList<>());
            interfaces.add(new Interface("eth" + interfaces.size(), row.get(segment), cidr[0]));
        }
        List<Segment> segmentList = new ArrayList<>();
        segments.forEach((name, subnet) -> segmentList.add(new Segment(name, subnet)));
        List<Host> nodeList = new ArrayList<>();
        nodes.forEach((name, interfaces) -> nodeList.add(new Host(name, interfaces)));
        List<Host> routerList = new ArrayList<>();
        routers.forEach((name, interfaces) -> routerList.add(new Host(name, interfaces)));
        return new TopologyData(segmentList, nodeList, routerList, etcd, List.of(), Map.of());
    }

    /** Adds the pods and subnets the scenario's steps declare. */
    TopologyData withSteps(List<Step> steps) {
        List<Container> containers = new ArrayList<>(this.containers);
        Map<String, String> subnets = new LinkedHashMap<>(this.subnets);
        for (Step step : steps) {
            Matcher two = TWO_CONTAINERS.matcher(step.text());
            Matcher one = ONE_CONTAINER.matcher(step.text());
            Matcher remembers = REMEMBERS.matcher(step.text());
            Matcher subnetFile = SUBNET_FILE.matcher(step.text());
            if (two.matches()) {
                containers.add(new Container(two.group(1), two.group(2), two.group(3)));
                containers.add(new Container(two.group(4), two.group(5), two.group(6)));
            } else if (one.matches()) {
                containers.add(new Container(one.group(1), one.group(2), one.group(3)));
            } else if (remembers.matches()) {
                subnets.putIfAbsent(remembers.group(1), remembers.group(2));
                subnets.putIfAbsent(remembers.group(3), remembers.group(4));
            } else if (subnetFile.matches()) {
                subnets.putIfAbsent(subnetFile.group(1), subnetFile.group(2).replaceFirst("\\.1/", ".0/"));
            }
        }
        return new TopologyData(segments, nodes, routers, etcd, containers, subnets);
    }

    public List<Container> containersOn(String node) {
        return containers.stream().filter(c -> c.node().equals(node)).toList();
    }

    static String network(String address, int prefix) {
        String[] octets = address.split("\\.");
        long value = 0;
        for (String octet : octets) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        long network = value & mask;
        return ((network >> 24) & 255) + "." + ((network >> 16) & 255) + "." + ((network >> 8) & 255) + "."
                + (network & 255) + "/" + prefix;
    }
}
