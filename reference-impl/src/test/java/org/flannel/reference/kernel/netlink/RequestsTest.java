package org.flannel.reference.kernel.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.util.HexFormat;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.kernel.IfAddress;
import org.flannel.reference.kernel.MacAddress;
import org.flannel.reference.kernel.Route;
import org.flannel.reference.kernel.VxlanDeviceSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each request byte for byte. The expected bytes are what {@code strace -xx} showed iproute2 6.1 send
 * for the same command (device index 3, sequence number 7 here), written as header | fixed part | attributes.
 * The host is little-endian: the kernel's headers are in host order.
 */
class RequestsTest {
    private static final int SEQ = 7;
    private static final int FLANNEL_1 = 3;
    private static final MacAddress PEER_MAC = MacAddress.parse("02:11:22:33:44:55");

    @BeforeAll
    static void littleEndian() {
        Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "expected bytes are little-endian");
    }

    @Test
    void vxlanDeviceAsIpLinkAddTypeVxlan() {
        // ip link add flannel.1 address 02:aa:bb:cc:dd:ee mtu 1450 type vxlan id 1 local 10.168.0.2 dev eth0
        //   nolearning dstport 8472   (eth0 is index 3)
        VxlanDeviceSpec spec = new VxlanDeviceSpec(
                "flannel.1",
                MacAddress.parse("02:aa:bb:cc:dd:ee"),
                1450,
                1,
                Ip4.parse("10.168.0.2"),
                "eth0",
                8472,
                false,
                false);
        assertThat(hex(Requests.newVxlan(spec, 3)))
                .isEqualTo(hex(
                        "80000000 1000 0506 07000000 00000000", // RTM_NEWLINK, REQUEST|ACK|EXCL|CREATE
                        "00 00 0000 00000000 00000000 00000000", // ifinfomsg
                        "0a00 0100 02aabbccddee 0000", // IFLA_ADDRESS
                        "0800 0400 aa050000", // IFLA_MTU 1450
                        "0e00 0300 666c616e6e656c2e3100 0000", // IFLA_IFNAME "flannel.1\0"
                        "3c00 1200", // IFLA_LINKINFO
                        "0900 0100 76786c616e 000000", // IFLA_INFO_KIND "vxlan"
                        "2c00 0200", // IFLA_INFO_DATA
                        "0800 0300 03000000", // IFLA_VXLAN_LINK 3
                        "0800 0100 01000000", // IFLA_VXLAN_ID 1
                        "0800 0400 0aa80002", // IFLA_VXLAN_LOCAL
                        "0500 0700 00 000000", // IFLA_VXLAN_LEARNING 0
                        "0600 0f00 2118 0000")); // IFLA_VXLAN_PORT 8472, network order
    }

    @Test
    void gbpIsAFlagAttributeAfterThePortAndPortZeroIsLeftOut() {
        VxlanDeviceSpec spec = new VxlanDeviceSpec(
                "flannel.1",
                MacAddress.parse("02:aa:bb:cc:dd:ee"),
                1450,
                1,
                Ip4.parse("10.168.0.2"),
                "eth0",
                0,
                true,
                true);
        String data = hex(Requests.newVxlan(spec, 3));
        assertThat(data).endsWith(hex("0500 0700 01 000000", "0400 1700"));
        assertThat(data).doesNotContain(hex("0600 0f00"));
    }

    @Test
    void linkUpAsIpLinkSetUp() {
        assertThat(hex(Requests.setUp(FLANNEL_1)))
                .isEqualTo(hex("20000000 1000 0500 07000000 00000000", "00 00 0000 03000000 01000000 01000000"));
    }

    @Test
    void mtuAsIpLinkSetMtu() {
        assertThat(hex(Requests.setMtu(FLANNEL_1, 1400)))
                .isEqualTo(hex(
                        "28000000 1000 0500 07000000 00000000",
                        "00 00 0000 03000000 00000000 00000000",
                        "0800 0400 78050000"));
    }

    @Test
    void addressAsIpAddressAdd() {
        assertThat(hex(Requests.addAddress(FLANNEL_1, new IfAddress(Ip4.parse("10.1.15.0"), 32))))
                .isEqualTo(hex(
                        "28000000 1400 0506 07000000 00000000", // RTM_NEWADDR, REQUEST|ACK|EXCL|CREATE
                        "02 20 00 00 03000000", // AF_INET /32 scope global
                        "0800 0200 0a010f00", // IFA_LOCAL
                        "0800 0100 0a010f00")); // IFA_ADDRESS
    }

    @Test
    void addressDeletionAsIpAddressDelete() {
        assertThat(hex(Requests.deleteAddress(FLANNEL_1, new IfAddress(Ip4.parse("10.1.15.0"), 32))))
                .isEqualTo(hex(
                        "28000000 1500 0500 07000000 00000000",
                        "02 20 00 00 03000000",
                        "0800 0200 0a010f00",
                        "0800 0100 0a010f00"));
    }

    @Test
    void neighbourAsIpNeighReplaceNudPermanent() {
        assertThat(hex(Requests.replacePermanentNeighbour(FLANNEL_1, Ip4.parse("10.1.16.0"), PEER_MAC)))
                .isEqualTo(hex(
                        "30000000 1c00 0505 07000000 00000000", // RTM_NEWNEIGH, REQUEST|ACK|REPLACE|CREATE
                        "02 00 0000 03000000 8000 00 00", // AF_INET, NUD_PERMANENT
                        "0800 0100 0a011000", // NDA_DST
                        "0a00 0200 021122334455 0000")); // NDA_LLADDR
    }

    @Test
    void neighbourDeletionAsIpNeighDelete() {
        assertThat(hex(Requests.deleteNeighbour(FLANNEL_1, Ip4.parse("10.1.16.0"))))
                .isEqualTo(hex(
                        "24000000 1d00 0500 07000000 00000000",
                        "02 00 0000 03000000 8000 00 00",
                        "0800 0100 0a011000"));
    }

    @Test
    void fdbEntryAsBridgeFdbReplaceSelfPermanent() {
        assertThat(hex(Requests.replaceFdbEntry(FLANNEL_1, PEER_MAC, Ip4.parse("10.168.0.3"))))
                .isEqualTo(hex(
                        "30000000 1c00 0505 07000000 00000000",
                        "07 00 0000 03000000 c000 02 00", // AF_BRIDGE, NUD_NOARP|NUD_PERMANENT, NTF_SELF
                        "0a00 0200 021122334455 0000", // NDA_LLADDR
                        "0800 0100 0aa80003")); // NDA_DST
    }

    @Test
    void fdbDeletionAsBridgeFdbDeleteSelf() {
        assertThat(hex(Requests.deleteFdbEntry(FLANNEL_1, PEER_MAC, Ip4.parse("10.168.0.3"))))
                .isEqualTo(hex(
                        "30000000 1d00 0500 07000000 00000000",
                        "07 00 0000 03000000 c000 02 00",
                        "0a00 0200 021122334455 0000",
                        "0800 0100 0aa80003"));
    }

    @Test
    void onlinkRouteAsIpRouteReplace() {
        Route route = Route.onlinkVia(Ip4Net.parse("10.1.16.0/24"), Ip4.parse("10.1.16.0"), "flannel.1");
        assertThat(hex(Requests.replaceRoute(route, FLANNEL_1)))
                .isEqualTo(hex(
                        "34000000 1800 0505 07000000 00000000", // RTM_NEWROUTE, REQUEST|ACK|REPLACE|CREATE
                        "02 18 00 00 fe 03 00 01 04000000", // /24 main boot universe unicast, RTNH_F_ONLINK
                        "0800 0100 0a011000", // RTA_DST
                        "0800 0500 0a011000", // RTA_GATEWAY
                        "0800 0400 03000000")); // RTA_OIF
    }

    @Test
    void onlinkRouteDeletionAsIpRouteDelete() {
        Route route = Route.onlinkVia(Ip4Net.parse("10.1.16.0/24"), Ip4.parse("10.1.16.0"), "flannel.1");
        assertThat(hex(Requests.deleteRoute(route, FLANNEL_1)))
                .isEqualTo(hex(
                        "34000000 1900 0500 07000000 00000000",
                        "02 18 00 00 fe 00 ff 00 04000000", // protocol, type unspecified, scope nowhere
                        "0800 0100 0a011000",
                        "0800 0500 0a011000",
                        "0800 0400 03000000"));
    }

    @Test
    void deviceRouteHasLinkScopeAndNoGateway() {
        // ip route replace 10.1.0.0/16 dev flannel0 (hand-derived: iproute2 gives routes without gateway link scope)
        assertThat(hex(Requests.replaceRoute(Route.dev(Ip4Net.parse("10.1.0.0/16"), "flannel0"), FLANNEL_1)))
                .isEqualTo(hex(
                        "2c000000 1800 0505 07000000 00000000",
                        "02 10 00 00 fe 03 fd 01 00000000",
                        "0800 0100 0a010000",
                        "0800 0400 03000000"));
    }

    @Test
    void routeLookupAsIpRouteGetWithAnAck() {
        // as ip route get 10.168.0.3, plus NLM_F_ACK so that every request ends the same way
        assertThat(hex(Requests.routeTo(Ip4.parse("10.168.0.3"))))
                .isEqualTo(hex(
                        "24000000 1a00 0500 07000000 00000000",
                        "02 20 00 00 00 00 00 00 00100000", // RTM_F_LOOKUP_TABLE
                        "0800 0100 0aa80003"));
    }

    @Test
    void linkLookupByNameAsIpDoesWithAnAck() {
        assertThat(hex(Requests.linkByName("eth0")))
                .isEqualTo(hex(
                        "34000000 1200 0500 07000000 00000000",
                        "00 00 0000 00000000 00000000 00000000",
                        "0800 1d00 09000000", // IFLA_EXT_MASK RTEXT_FILTER_VF|RTEXT_FILTER_SKIP_STATS
                        "0900 0300 6574683000 000000")); // IFLA_IFNAME "eth0\0"
    }

    private static String hex(MessageBuilder message) {
        return HexFormat.of().formatHex(message.build(SEQ));
    }

    private static String hex(String... parts) {
        return String.join("", parts).replace(" ", "");
    }
}
