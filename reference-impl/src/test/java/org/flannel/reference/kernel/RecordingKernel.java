package org.flannel.reference.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flannel.reference.ip.Ip4;

/**
 * A kernel in memory for unit tests. It holds the links it is given (in the order given), records every
 * change asked of it as one readable line, e.g.
 * <pre>
 * neigh replace 10.1.16.0 5e:f8:4f:00:e3:37 dev flannel.1
 * fdb replace 5e:f8:4f:00:e3:37 dev flannel.1 dst 10.168.0.3
 * route replace 10.1.16.0/24 via 10.1.16.0 dev flannel.1 onlink
 * </pre>
 * can be told to refuse a change ({@link #failOn}), and answers {@link #routeTo} from a map. Link changes
 * (create, delete, address, up) also change the links it holds, as the kernel would; a refused change
 * is recorded but changes nothing. Reads are not recorded.
 */
public final class RecordingKernel implements Kernel {
    /** The port the kernel reports for a vxlan device created without {@code dstport}. */
    public static final int KERNEL_DEFAULT_VXLAN_PORT = 8472;

    private final Map<String, Link> links = new LinkedHashMap<>();
    private final Map<Ip4, Route> routes = new HashMap<>();
    private final List<Route> table = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final List<String> failing = new ArrayList<>();
    private String defaultRouteDevice;
    private MacAddress macPolicy;
    private int nextIndex = 100;

    /** Adds (or replaces, by name) a link the kernel reports. */
    public RecordingKernel withLink(Link link) {
        links.put(link.name(), link);
        return this;
    }

    /** The device of the default route; none when never called. */
    public RecordingKernel withDefaultRouteVia(String device) {
        defaultRouteDevice = device;
        return this;
    }

    /** What {@link #routeTo} answers for {@code destination}; empty for destinations not given. */
    public RecordingKernel withRouteTo(Ip4 destination, Route route) {
        routes.put(destination, route);
        return this;
    }

    /**
     * Devices created from now on get this MAC whatever was asked, as under a udev/systemd MACAddressPolicy
     * that rewrites it behind Flannel's back.
     */
    public RecordingKernel withMacPolicy(MacAddress mac) {
        macPolicy = mac;
        return this;
    }

    /** Every later change whose recorded line starts with {@code callPrefix} throws a KernelException. */
    public RecordingKernel failOn(String callPrefix) {
        failing.add(callPrefix);
        return this;
    }

    /** The changes asked so far, in order, refused ones included. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public void clearCalls() {
        calls.clear();
    }

    /** A plain (non-vxlan) link, e.g. the underlay eth0. */
    public static Link plainLink(int index, String name, int mtu, String mac, IfAddress... addresses) {
        return new Link(index, name, mtu, MacAddress.parse(mac), true, List.of(addresses), Optional.empty());
    }

    // ---- reads ----

    @Override
    public List<Link> links() {
        return List.copyOf(links.values());
    }

    @Override
    public Optional<Link> link(String name) {
        return Optional.ofNullable(links.get(name));
    }

    @Override
    public Optional<Link> defaultRouteLink() {
        return defaultRouteDevice == null ? Optional.empty() : link(defaultRouteDevice);
    }

    @Override
    public Optional<Route> routeTo(Ip4 destination) {
        return Optional.ofNullable(routes.get(destination));
    }

    // ---- changes ----

    @Override
    public void createVxlan(VxlanDeviceSpec spec) {
        record("link add " + spec.name() + " address " + spec.mac() + " mtu " + spec.mtu() + " type vxlan id "
                + spec.vni() + " local " + spec.local() + " dev " + spec.underlayDevice() + " "
                + (spec.learning() ? "learning" : "nolearning")
                + (spec.port() > 0 ? " dstport " + spec.port() : "")
                + (spec.gbp() ? " gbp" : ""));
        if (links.containsKey(spec.name())) {
            throw new KernelException("RTNETLINK answers: File exists");
        }
        int port = spec.port() > 0 ? spec.port() : KERNEL_DEFAULT_VXLAN_PORT;
        VxlanAttributes vxlan = new VxlanAttributes(
                spec.vni(),
                Optional.of(spec.local()),
                Optional.of(spec.underlayDevice()),
                port,
                spec.learning(),
                spec.gbp(),
                Optional.empty());
        MacAddress mac = macPolicy != null ? macPolicy : spec.mac();
        links.put(
                spec.name(), new Link(nextIndex++, spec.name(), spec.mtu(), mac, false, List.of(), Optional.of(vxlan)));
    }

    @Override
    public void deleteLink(String name) {
        record("link delete " + name);
        if (links.remove(name) == null) {
            throw new KernelException("Cannot find device \"" + name + "\"");
        }
    }

    @Override
    public void setUp(String name) {
        record("link set " + name + " up");
        Link link = existing(name);
        links.put(name, new Link(link.index(), name, link.mtu(), link.mac(), true, link.ipv4Addresses(), link.vxlan()));
    }

    @Override
    public void setMtu(String name, int mtu) {
        record("link set " + name + " mtu " + mtu);
        Link link = existing(name);
        links.put(name, new Link(link.index(), name, mtu, link.mac(), link.up(), link.ipv4Addresses(), link.vxlan()));
    }

    @Override
    public void addAddress(String device, IfAddress address) {
        record("address add " + address + " dev " + device);
        Link link = existing(device);
        List<IfAddress> addresses = new ArrayList<>(link.ipv4Addresses());
        addresses.add(address);
        links.put(device, withAddresses(link, addresses));
    }

    @Override
    public void deleteAddress(String device, IfAddress address) {
        record("address delete " + address + " dev " + device);
        Link link = existing(device);
        List<IfAddress> addresses = new ArrayList<>(link.ipv4Addresses());
        addresses.remove(address);
        links.put(device, withAddresses(link, addresses));
    }

    @Override
    public void replacePermanentNeighbour(String device, Ip4 ip, MacAddress mac) {
        record("neigh replace " + ip + " " + mac + " dev " + device);
    }

    @Override
    public void deleteNeighbour(String device, Ip4 ip) {
        record("neigh delete " + ip + " dev " + device);
    }

    @Override
    public void replaceFdbEntry(String device, MacAddress mac, Ip4 destination) {
        record("fdb replace " + mac + " dev " + device + " dst " + destination);
    }

    @Override
    public void deleteFdbEntry(String device, MacAddress mac, Ip4 destination) {
        record("fdb delete " + mac + " dev " + device + " dst " + destination);
    }

    @Override
    public void replaceRoute(Route route) {
        record("route replace " + route);
        table.removeIf(r -> r.destination().equals(route.destination()));
        table.add(route);
    }

    @Override
    public void deleteRoute(Route route) {
        record("route delete " + route);
        table.removeIf(r -> r.destination().equals(route.destination()));
    }

    /** The main table as changed through this kernel (and {@link #withRoute}). */
    @Override
    public List<Route> routes() {
        return List.copyOf(table);
    }

    /** A route already there, put by someone else. */
    public RecordingKernel withRoute(Route route) {
        table.add(route);
        return this;
    }

    @Override
    public void setSysctl(String path, String value) {
        record("sysctl " + path + "=" + value);
    }

    private void record(String call) {
        calls.add(call);
        for (String prefix : failing) {
            if (call.startsWith(prefix)) {
                throw new KernelException("refused by the test: " + call);
            }
        }
    }

    private Link existing(String name) {
        Link link = links.get(name);
        if (link == null) {
            throw new KernelException("Cannot find device \"" + name + "\"");
        }
        return link;
    }

    private static Link withAddresses(Link link, List<IfAddress> addresses) {
        return new Link(
                link.index(), link.name(), link.mtu(), link.mac(), link.up(), List.copyOf(addresses), link.vxlan());
    }
}
