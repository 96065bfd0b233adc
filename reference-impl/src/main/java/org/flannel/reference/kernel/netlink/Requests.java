package org.flannel.reference.kernel.netlink;

import static org.flannel.reference.kernel.netlink.Rtnetlink.*;

import org.flannel.reference.ip.Ip4;
import org.flannel.reference.kernel.IfAddress;
import org.flannel.reference.kernel.MacAddress;
import org.flannel.reference.kernel.Route;
import org.flannel.reference.kernel.VxlanDeviceSpec;

/**
 * The rtnetlink requests the kernel interface sends, each laid out as iproute2 6.1 lays out the same
 * command (seen with strace), so that both leave the same state. Devices are named by index, which the
 * caller resolves first, as {@code ip} does.
 */
final class Requests {
    private static final int CHANGE = NLM_F_REQUEST | NLM_F_ACK;
    private static final int CREATE_NEW = CHANGE | NLM_F_CREATE | NLM_F_EXCL;
    private static final int CREATE_OR_REPLACE = CHANGE | NLM_F_CREATE | NLM_F_REPLACE;

    private Requests() {}

    static MessageBuilder linkByName(String name) {
        return ifinfomsg(RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, 0, 0, 0)
                .attributeU32(IFLA_EXT_MASK, RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS)
                .attributeString(IFLA_IFNAME, name);
    }

    static MessageBuilder linkByIndex(int index) {
        return ifinfomsg(RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, index, 0, 0)
                .attributeU32(IFLA_EXT_MASK, RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS);
    }

    static MessageBuilder dumpLinks() {
        return ifinfomsg(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 0, 0, 0)
                .attributeU32(IFLA_EXT_MASK, RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS);
    }

    /** {@code ip link add <name> address <mac> mtu <mtu> type vxlan id <vni> local <ip> dev <underlay> ...}. */
    static MessageBuilder newVxlan(VxlanDeviceSpec spec, int underlayIndex) {
        MessageBuilder message = ifinfomsg(RTM_NEWLINK, CREATE_NEW, 0, 0, 0)
                .attribute(IFLA_ADDRESS, macBytes(spec.mac()))
                .attributeU32(IFLA_MTU, spec.mtu())
                .attributeString(IFLA_IFNAME, spec.name())
                .beginNested(IFLA_LINKINFO)
                .attributeText(IFLA_INFO_KIND, "vxlan")
                .beginNested(IFLA_INFO_DATA)
                .attributeU32(IFLA_VXLAN_LINK, underlayIndex)
                .attributeU32(IFLA_VXLAN_ID, spec.vni())
                .attribute(IFLA_VXLAN_LOCAL, spec.local().toBytes())
                // absent, the kernel turns learning on
                .attributeU8(IFLA_VXLAN_LEARNING, spec.learning() ? 1 : 0);
        if (spec.port() > 0) {
            message.attributeBigEndianU16(IFLA_VXLAN_PORT, spec.port());
        }
        if (spec.gbp()) {
            message.attributeFlag(IFLA_VXLAN_GBP);
        }
        return message.endNested().endNested();
    }

    static MessageBuilder deleteLink(int index) {
        return ifinfomsg(RTM_DELLINK, CHANGE, index, 0, 0);
    }

    static MessageBuilder setUp(int index) {
        return ifinfomsg(RTM_NEWLINK, CHANGE, index, IFF_UP, IFF_UP);
    }

    static MessageBuilder setMtu(int index, int mtu) {
        return ifinfomsg(RTM_NEWLINK, CHANGE, index, 0, 0).attributeU32(IFLA_MTU, mtu);
    }

    static MessageBuilder dumpIpv4Addresses() {
        return new MessageBuilder(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP)
                .u8(AF_INET)
                .u8(0)
                .u8(0)
                .u8(0)
                .u32(0);
    }

    static MessageBuilder addAddress(int index, IfAddress address) {
        return ifaddrmsg(RTM_NEWADDR, CREATE_NEW, index, address, defaultScope(address.address()));
    }

    static MessageBuilder deleteAddress(int index, IfAddress address) {
        return ifaddrmsg(RTM_DELADDR, CHANGE, index, address, RT_SCOPE_UNIVERSE);
    }

    /** {@code ip neigh replace <ip> lladdr <mac> dev <device> nud permanent}. */
    static MessageBuilder replacePermanentNeighbour(int index, Ip4 ip, MacAddress mac) {
        return ndmsg(RTM_NEWNEIGH, CREATE_OR_REPLACE, AF_INET, index, NUD_PERMANENT, 0)
                .attribute(NDA_DST, ip.toBytes())
                .attribute(NDA_LLADDR, macBytes(mac));
    }

    static MessageBuilder deleteNeighbour(int index, Ip4 ip) {
        return ndmsg(RTM_DELNEIGH, CHANGE, AF_INET, index, NUD_PERMANENT, 0).attribute(NDA_DST, ip.toBytes());
    }

    /** {@code bridge fdb replace <mac> dev <device> dst <ip> self permanent}. */
    static MessageBuilder replaceFdbEntry(int index, MacAddress mac, Ip4 destination) {
        return fdb(RTM_NEWNEIGH, CREATE_OR_REPLACE, index, mac, destination);
    }

    static MessageBuilder deleteFdbEntry(int index, MacAddress mac, Ip4 destination) {
        return fdb(RTM_DELNEIGH, CHANGE, index, mac, destination);
    }

    static MessageBuilder dumpIpv4Routes() {
        return new MessageBuilder(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP)
                .u8(AF_INET)
                .u8(0)
                .u8(0)
                .u8(0)
                .u8(RT_TABLE_UNSPEC)
                .u8(RTPROT_UNSPEC)
                .u8(RT_SCOPE_UNIVERSE)
                .u8(RTN_UNSPEC)
                .u32(0);
    }

    /** {@code ip route replace ...}: iproute2's defaults, a route without gateway has link scope. */
    static MessageBuilder replaceRoute(Route route, int deviceIndex) {
        int scope = route.gateway().isPresent() ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
        return route(RTM_NEWROUTE, CREATE_OR_REPLACE, route, deviceIndex, RTPROT_BOOT, scope, RTN_UNICAST);
    }

    /** {@code ip route delete ...}: protocol, scope and type left open so that they match any. */
    static MessageBuilder deleteRoute(Route route, int deviceIndex) {
        return route(RTM_DELROUTE, CHANGE, route, deviceIndex, RTPROT_UNSPEC, RT_SCOPE_NOWHERE, RTN_UNSPEC);
    }

    /** {@code ip route get <destination>}. */
    static MessageBuilder routeTo(Ip4 destination) {
        return new MessageBuilder(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_ACK)
                .u8(AF_INET)
                .u8(32)
                .u8(0)
                .u8(0)
                .u8(RT_TABLE_UNSPEC)
                .u8(RTPROT_UNSPEC)
                .u8(RT_SCOPE_UNIVERSE)
                .u8(RTN_UNSPEC)
                .u32(RTM_F_LOOKUP_TABLE)
                .attribute(RTA_DST, destination.toBytes());
    }

    private static MessageBuilder route(
            int type, int flags, Route route, int deviceIndex, int protocol, int scope, int routeType) {
        MessageBuilder message = new MessageBuilder(type, flags)
                .u8(AF_INET)
                .u8(route.destination().prefixLen())
                .u8(0)
                .u8(0)
                .u8(RT_TABLE_MAIN)
                .u8(protocol)
                .u8(scope)
                .u8(routeType)
                .u32(route.onlink() ? RTNH_F_ONLINK : 0)
                .attribute(RTA_DST, route.destination().ip().toBytes());
        route.gateway().ifPresent(gateway -> message.attribute(RTA_GATEWAY, gateway.toBytes()));
        if (route.device().isPresent()) {
            message.attributeU32(RTA_OIF, deviceIndex);
        }
        return message;
    }

    private static MessageBuilder ifinfomsg(int type, int flags, int index, int ifFlags, int change) {
        return new MessageBuilder(type, flags)
                .u8(AF_UNSPEC)
                .u8(0)
                .u16(0)
                .u32(index)
                .u32(ifFlags)
                .u32(change);
    }

    /** IPv4 as iproute2 sends it: IFA_LOCAL and, without a peer, IFA_ADDRESS the same. */
    private static MessageBuilder ifaddrmsg(int type, int flags, int index, IfAddress address, int scope) {
        return new MessageBuilder(type, flags)
                .u8(AF_INET)
                .u8(address.prefixLen())
                .u8(0)
                .u8(scope)
                .u32(index)
                .attribute(IFA_LOCAL, address.address().toBytes())
                .attribute(IFA_ADDRESS, address.address().toBytes());
    }

    private static MessageBuilder ndmsg(int type, int flags, int family, int index, int state, int ndFlags) {
        return new MessageBuilder(type, flags)
                .u8(family)
                .u8(0)
                .u16(0)
                .u32(index)
                .u16(state)
                .u8(ndFlags)
                .u8(0);
    }

    /** bridge(8) starts from NUD_NOARP and adds NUD_PERMANENT for "permanent"; NTF_SELF: the vxlan device's own table. */
    private static MessageBuilder fdb(int type, int flags, int index, MacAddress mac, Ip4 destination) {
        return ndmsg(type, flags, AF_BRIDGE, index, NUD_NOARP | NUD_PERMANENT, NTF_SELF)
                .attribute(NDA_LLADDR, macBytes(mac))
                .attribute(NDA_DST, destination.toBytes());
    }

    /** iproute2's default_scope(): loopback addresses are host-scoped. */
    private static int defaultScope(Ip4 address) {
        return (address.bits() >>> 24) == 127 ? RT_SCOPE_HOST : RT_SCOPE_UNIVERSE;
    }

    static byte[] macBytes(MacAddress mac) {
        String[] parts = mac.text().split(":");
        byte[] bytes = new byte[6];
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }
}
