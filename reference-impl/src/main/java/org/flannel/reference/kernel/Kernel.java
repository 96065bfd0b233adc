package org.flannel.reference.kernel;

import java.util.List;
import java.util.Optional;
import org.flannel.reference.ip.Ip4;

/**
 * Everything the reference flanneld asks of the kernel: links, addresses, routes, neighbours and FDB
 * entries in the network namespace it runs in. One implementation runs iproute2; a later one speaks
 * rtnetlink directly. All changes have replace semantics, so repeating them is harmless.
 */
public interface Kernel {

    List<Link> links();

    Optional<Link> link(String name);

    /** The device of the default route, as Flannel picks when no interface is named. */
    Optional<Link> defaultRouteLink();

    void createVxlan(VxlanDeviceSpec spec);

    void deleteLink(String name);

    void setUp(String name);

    /** {@code ip link set <name> mtu <mtu>}. */
    void setMtu(String name, int mtu);

    void addAddress(String device, IfAddress address);

    void deleteAddress(String device, IfAddress address);

    /** {@code ip neigh replace <ip> lladdr <mac> dev <device> nud permanent}. */
    void replacePermanentNeighbour(String device, Ip4 ip, MacAddress mac);

    void deleteNeighbour(String device, Ip4 ip);

    /** {@code bridge fdb replace <mac> dev <device> dst <destination> self permanent}. */
    void replaceFdbEntry(String device, MacAddress mac, Ip4 destination);

    void deleteFdbEntry(String device, MacAddress mac, Ip4 destination);

    /** The main IPv4 routing table. */
    List<Route> routes();

    void replaceRoute(Route route);

    void deleteRoute(Route route);

    /** The route the kernel would use to reach {@code destination} ({@code ip route get}). */
    Optional<Route> routeTo(Ip4 destination);

    /** Writes a sysctl under /proc/sys, e.g. {@code net/ipv6/conf/flannel.1/accept_ra}. */
    void setSysctl(String path, String value);
}
