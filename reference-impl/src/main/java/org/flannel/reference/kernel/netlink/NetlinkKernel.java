package org.flannel.reference.kernel.netlink;

import java.nio.file.Path;
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
import org.flannel.reference.kernel.VxlanDeviceSpec;

/**
 * The kernel over one rtnetlink socket: the same requests {@code ip} and {@code bridge} send, without
 * starting a process for each. Devices are looked up by name before each change, as {@code ip} does,
 * so a device recreated under the same name is never missed.
 */
public final class NetlinkKernel implements Kernel, AutoCloseable {
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
        Replies.IndexNames names = Replies.namesIn(replies);
        return replies.stream()
                .map(reply -> Replies.link(reply, addresses, names))
                .toList();
    }

    @Override
    public Optional<Link> link(String name) {
        Optional<NetlinkMessage> reply = linkMessage(name);
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Replies.link(reply.get(), ipv4AddressesByIndex(), this::nameOf));
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
        Replies.IndexNames names = Replies.namesIn(socket().dump(Requests.dumpLinks(), "list links"));
        return socket().dump(Requests.dumpIpv4Routes(), "list routes").stream()
                .filter(Replies::isMainTableRoute)
                .map(reply -> Replies.route(reply, names))
                .toList();
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
            Route found = Replies.route(reply, this::nameOf);
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
                .s32(Replies.IFINFOMSG_INDEX);
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
                    .flatMap(Replies::linkName);
        } catch (NetlinkException e) {
            if (e.errno() == ENODEV) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Map<Integer, List<IfAddress>> ipv4AddressesByIndex() {
        return Replies.ipv4AddressesByIndex(socket().dump(Requests.dumpIpv4Addresses(), "list addresses"));
    }
}
