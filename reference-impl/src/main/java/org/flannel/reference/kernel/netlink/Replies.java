package org.flannel.reference.kernel.netlink;

import static org.flannel.reference.kernel.netlink.Rtnetlink.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.kernel.IfAddress;
import org.flannel.reference.kernel.Link;
import org.flannel.reference.kernel.Route;
import org.flannel.reference.kernel.VxlanAttributes;

/** The kernel's RTM_NEWLINK, RTM_NEWADDR and RTM_NEWROUTE replies read into the kernel interface's records. */
final class Replies {
    static final int IFINFOMSG_INDEX = 4;
    private static final int IFINFOMSG_FLAGS = 8;
    private static final int IFINFOMSG_LENGTH = 16;
    private static final int IFADDRMSG_LENGTH = 8;
    private static final int RTMSG_LENGTH = 12;

    private Replies() {}

    /** How a reply's device index becomes a name: from a dump already read, or by asking the kernel. */
    @FunctionalInterface
    interface IndexNames {
        Optional<String> nameOf(int index);
    }

    static IndexNames namesIn(List<NetlinkMessage> linkDump) {
        Map<Integer, String> names = new HashMap<>();
        for (NetlinkMessage link : linkDump) {
            linkName(link).ifPresent(name -> names.put(link.s32(IFINFOMSG_INDEX), name));
        }
        return index -> Optional.ofNullable(names.get(index));
    }

    static Optional<String> linkName(NetlinkMessage link) {
        return link.attributes(IFINFOMSG_LENGTH).string(IFLA_IFNAME);
    }

    static Link link(NetlinkMessage reply, Map<Integer, List<IfAddress>> addresses, IndexNames names) {
        int index = reply.s32(IFINFOMSG_INDEX);
        Attributes attributes = reply.attributes(IFINFOMSG_LENGTH);
        return new Link(
                index,
                attributes.string(IFLA_IFNAME).orElse(""),
                attributes.u32(IFLA_MTU).orElse(0),
                attributes.mac(IFLA_ADDRESS).orElse(null),
                (reply.s32(IFINFOMSG_FLAGS) & IFF_UP) != 0,
                List.copyOf(addresses.getOrDefault(index, List.of())),
                vxlanAttributes(attributes.nested(IFLA_LINKINFO), names));
    }

    /** IPv4 addresses by device index, in the kernel's order; IFA_LOCAL is the address itself, as ip shows it. */
    static Map<Integer, List<IfAddress>> ipv4AddressesByIndex(List<NetlinkMessage> addressDump) {
        Map<Integer, List<IfAddress>> byIndex = new LinkedHashMap<>();
        for (NetlinkMessage reply : addressDump) {
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

    /** What {@code ip route show} lists: IPv4 routes of the main table, without cached (cloned) ones. */
    static boolean isMainTableRoute(NetlinkMessage reply) {
        int table = reply.attributes(RTMSG_LENGTH).u32(RTA_TABLE).orElse(reply.u8(4));
        boolean cloned = (reply.s32(8) & RTM_F_CLONED) != 0;
        return reply.u8(0) == AF_INET && table == RT_TABLE_MAIN && !cloned;
    }

    static Route route(NetlinkMessage reply, IndexNames names) {
        Attributes attributes = reply.attributes(RTMSG_LENGTH);
        Ip4Net destination = Ip4Net.of(attributes.ip4(RTA_DST).orElse(Ip4.ZERO), reply.u8(1));
        boolean onlink = (reply.s32(8) & RTNH_F_ONLINK) != 0;
        return new Route(
                destination,
                attributes.ip4(RTA_GATEWAY),
                attributes.u32(RTA_OIF).flatMap(names::nameOf),
                onlink);
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
}
