package org.flannel.reference.kernel.netlink;

import static org.flannel.reference.kernel.netlink.Rtnetlink.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.kernel.IfAddress;
import org.flannel.reference.kernel.Kernel;
import org.flannel.reference.kernel.KernelException;
import org.flannel.reference.kernel.Link;
import org.flannel.reference.kernel.MacAddress;
import org.flannel.reference.kernel.Route;
import org.flannel.reference.kernel.Sysctl;
import org.flannel.reference.kernel.VxlanAttributes;
import org.flannel.reference.kernel.VxlanDeviceSpec;

/**
 * The kernel over one rtnetlink socket: the same requests {@code ip} and {@code bridge} send, without
 * starting a process for each. Devices are looked up by name before each change, as {@code ip} does,
 * so a device recreated under the same name is never missed.
 */
public final class NetlinkKernel implements Kernel, AutoCloseable {
    private static final int IFINFOMSG_LENGTH = 16;
    private static final int IFADDRMSG_LENGTH = 8;
    private static final int RTMSG_LENGTH = 12;
    private static final int ENODEV = 19;

    private final CompletableFuture<NetlinkSocket> opening;

    private NetlinkKernel(CompletableFuture<NetlinkSocket> opening) {
        this.opening = opening;
    }

    /**
     * The kernel of this process's network namespace. The socket is opened in the background: binding libc
     * through jnr-ffi takes 200-400 ms on a cold JVM, which then overlaps the daemon's etcd startup rather
     * than adding to it; a failure to open is reported by the first request.
     */
    public static NetlinkKernel open() {
        Executor background = task -> {
            Thread opener = new Thread(task, "netlink-open");
            opener.setDaemon(true);
            opener.start();
        };
        return new NetlinkKernel(CompletableFuture.supplyAsync(NetlinkSocket::open, background));
    }

    /** The kernel of another network namespace, e.g. {@code /run/netns/NAME}; sysctls still go to this one's. */
    public static NetlinkKernel openIn(Path namespaceFile) {
        return new NetlinkKernel(CompletableFuture.completedFuture(NetlinkSocket.openIn(namespaceFile)));
    }

    @Override
    public List<Link> links() {
        Map<Integer, List<IfAddress>> addresses = ipv4AddressesByIndex();
        List<NetlinkMessage> replies = socket().dump(Requests.dumpLinks(), "list links");
        Map<Integer, String> names = new LinkedHashMap<>();
        for (NetlinkMessage reply : replies) {
            names.put(
                    reply.s32(4),
                    reply.attributes(IFINFOMSG_LENGTH).string(IFLA_IFNAME).orElse(""));
        }
        List<Link> links = new ArrayList<>();
        for (NetlinkMessage reply : replies) {
            links.add(toLink(reply, addresses, index -> Optional.ofNullable(names.get(index))));
        }
        return links;
    }

    @Override
    public Optional<Link> link(String name) {
        Optional<NetlinkMessage> reply = linkMessage(name);
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toLink(reply.get(), ipv4AddressesByIndex(), this::nameOf));
    }

    @Override
    public Optional<Link> defaultRouteLink() {
        for (Route route : routes()) {
            if (route.destination().prefixLen() == 0 && route.device().isPresent()) {
                return link(route.device().get());
            }
        }
        return Optional.empty();
    }

    @Override
    public void createVxlan(VxlanDeviceSpec spec) {
        int underlay = indexOf(spec.underlayDevice());
        socket().request(Requests.newVxlan(spec, underlay), "create vxlan device " + spec.name());
    }

    @Override
    public void deleteLink(String name) {
        socket().request(Requests.deleteLink(indexOf(name)), "delete link " + name);
    }

    @Override
    public void setUp(String name) {
        socket().request(Requests.setUp(indexOf(name)), "set link " + name + " up");
    }

    @Override
    public void setMtu(String name, int mtu) {
        socket().request(Requests.setMtu(indexOf(name), mtu), "set the mtu of " + name + " to " + mtu);
    }

    @Override
    public void addAddress(String device, IfAddress address) {
        socket().request(Requests.addAddress(indexOf(device), address), "add address " + address + " to " + device);
    }

    @Override
    public void deleteAddress(String device, IfAddress address) {
        socket().request(
                        Requests.deleteAddress(indexOf(device), address),
                        "delete address " + address + " from " + device);
    }

    @Override
    public void replacePermanentNeighbour(String device, Ip4 ip, MacAddress mac) {
        socket().request(
                        Requests.replacePermanentNeighbour(indexOf(device), ip, mac),
                        "replace neighbour " + ip + " lladdr " + mac + " dev " + device);
    }

    @Override
    public void deleteNeighbour(String device, Ip4 ip) {
        socket().request(Requests.deleteNeighbour(indexOf(device), ip), "delete neighbour " + ip + " dev " + device);
    }

    @Override
    public void replaceFdbEntry(String device, MacAddress mac, Ip4 destination) {
        socket().request(
                        Requests.replaceFdbEntry(indexOf(device), mac, destination),
                        "replace fdb entry " + mac + " dev " + device + " dst " + destination);
    }

    @Override
    public void deleteFdbEntry(String device, MacAddress mac, Ip4 destination) {
        socket().request(
                        Requests.deleteFdbEntry(indexOf(device), mac, destination),
                        "delete fdb entry " + mac + " dev " + device + " dst " + destination);
    }

    /** As {@code ip route show}: the main table, without cached (cloned) routes. */
    @Override
    public List<Route> routes() {
        Map<Integer, String> names = new LinkedHashMap<>();
        for (NetlinkMessage link : socket().dump(Requests.dumpLinks(), "list links")) {
            names.put(
                    link.s32(4),
                    link.attributes(IFINFOMSG_LENGTH).string(IFLA_IFNAME).orElse(""));
        }
        List<Route> routes = new ArrayList<>();
        for (NetlinkMessage reply : socket().dump(Requests.dumpIpv4Routes(), "list routes")) {
            Attributes attributes = reply.attributes(RTMSG_LENGTH);
            int table = attributes.u32(RTA_TABLE).orElse(reply.u8(4));
            boolean cloned = (reply.s32(8) & RTM_F_CLONED) != 0;
            if (reply.u8(0) == AF_INET && table == RT_TABLE_MAIN && !cloned) {
                routes.add(toRoute(reply, attributes, index -> Optional.ofNullable(names.get(index))));
            }
        }
        return routes;
    }

    @Override
    public void replaceRoute(Route route) {
        socket().request(Requests.replaceRoute(route, routeDevice(route)), "replace route " + route);
    }

    @Override
    public void deleteRoute(Route route) {
        socket().request(Requests.deleteRoute(route, routeDevice(route)), "delete route " + route);
    }

    @Override
    public Optional<Route> routeTo(Ip4 destination) {
        for (NetlinkMessage reply : socket().request(Requests.routeTo(destination), "get route to " + destination)) {
            Route found = toRoute(reply, reply.attributes(RTMSG_LENGTH), this::nameOf);
            return Optional.of(new Route(Ip4Net.of(destination, 32), found.gateway(), found.device(), false));
        }
        return Optional.empty();
    }

    @Override
    public void setSysctl(String path, String value) {
        Sysctl.write(path, value);
    }

    @Override
    public void close() {
        opening.thenAccept(NetlinkSocket::close);
    }

    private NetlinkSocket socket() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new KernelException("cannot open a netlink socket: " + e.getCause(), e.getCause());
        }
    }

    private int routeDevice(Route route) {
        return route.device().map(this::indexOf).orElse(0);
    }

    private int indexOf(String name) {
        return linkMessage(name)
                .orElseThrow(() -> new KernelException("cannot find device \"" + name + "\""))
                .s32(4);
    }

    private Optional<NetlinkMessage> linkMessage(String name) {
        try {
            return socket().request(Requests.linkByName(name), "look up device " + name).stream()
                    .findFirst();
        } catch (NetlinkException e) {
            if (e.errno() == ENODEV) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<String> nameOf(int index) {
        try {
            return socket().request(Requests.linkByIndex(index), "look up device " + index).stream()
                    .findFirst()
                    .flatMap(reply -> reply.attributes(IFINFOMSG_LENGTH).string(IFLA_IFNAME));
        } catch (NetlinkException e) {
            if (e.errno() == ENODEV) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Map<Integer, List<IfAddress>> ipv4AddressesByIndex() {
        Map<Integer, List<IfAddress>> byIndex = new LinkedHashMap<>();
        for (NetlinkMessage reply : socket().dump(Requests.dumpIpv4Addresses(), "list addresses")) {
            if (reply.u8(0) != AF_INET) {
                continue;
            }
            Attributes attributes = reply.attributes(IFADDRMSG_LENGTH);
            Optional<Ip4> local = attributes.ip4(IFA_LOCAL).or(() -> attributes.ip4(IFA_ADDRESS));
            local.ifPresent(ip -> byIndex.computeIfAbsent(reply.s32(4), index -> new ArrayList<>())
                    .add(new IfAddress(ip, reply.u8(1))));
        }
        return byIndex;
    }

    private static Link toLink(NetlinkMessage reply, Map<Integer, List<IfAddress>> addresses, IndexNames names) {
        int index = reply.s32(4);
        Attributes attributes = reply.attributes(IFINFOMSG_LENGTH);
        return new Link(
                index,
                attributes.string(IFLA_IFNAME).orElse(""),
                attributes.u32(IFLA_MTU).orElse(0),
                attributes.mac(IFLA_ADDRESS).orElse(null),
                (reply.s32(8) & IFF_UP) != 0,
                List.copyOf(addresses.getOrDefault(index, List.of())),
                vxlanAttributes(attributes.nested(IFLA_LINKINFO), names));
    }

    private static Optional<VxlanAttributes> vxlanAttributes(Attributes linkInfo, IndexNames names) {
        if (!linkInfo.string(IFLA_INFO_KIND).filter("vxlan"::equals).isPresent()) {
            return Optional.empty();
        }
        Attributes data = linkInfo.nested(IFLA_INFO_DATA);
        return Optional.of(new VxlanAttributes(
                data.u32(IFLA_VXLAN_ID).orElse(0),
                data.ip4(IFLA_VXLAN_LOCAL),
                data.u32(IFLA_VXLAN_LINK).flatMap(names::nameOf),
                data.bigEndianU16(IFLA_VXLAN_PORT).orElse(0),
                data.u8(IFLA_VXLAN_LEARNING).orElse(0) != 0,
                data.has(IFLA_VXLAN_GBP),
                data.ip4(IFLA_VXLAN_GROUP)));
    }

    private static Route toRoute(NetlinkMessage reply, Attributes attributes, IndexNames names) {
        Ip4Net destination = Ip4Net.of(attributes.ip4(RTA_DST).orElse(Ip4.ZERO), reply.u8(1));
        boolean onlink = (reply.s32(8) & RTNH_F_ONLINK) != 0;
        return new Route(
                destination,
                attributes.ip4(RTA_GATEWAY),
                attributes.u32(RTA_OIF).flatMap(names::nameOf),
                onlink);
    }

    /** How a reply's device index becomes a name: from a dump already read, or by asking. */
    @FunctionalInterface
    private interface IndexNames {
        Optional<String> nameOf(int index);
    }
}
