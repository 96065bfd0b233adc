package org.flannel.reference.kernel.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.kernel.MacAddress;
import org.flannel.reference.kernel.VxlanDeviceSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The parsing side: datagrams split into messages, nested attributes read back, the kernel's error words. */
class NetlinkMessageTest {

    @BeforeAll
    static void littleEndian() {
        Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the bytes below are little-endian");
    }

    @Test
    void readsBackEveryVxlanAttributeOfAnEncodedRequest() {
        VxlanDeviceSpec spec = new VxlanDeviceSpec(
                "flannel.7",
                MacAddress.parse("02:aa:bb:cc:dd:ee"),
                1450,
                7,
                Ip4.parse("10.168.0.2"),
                "eth0",
                4789,
                false,
                true);
        NetlinkMessage message = only(ByteBuffer.wrap(Requests.newVxlan(spec, 3).build(1)));
        Attributes link = message.attributes(16);
        Attributes data = link.nested(Rtnetlink.IFLA_LINKINFO).nested(Rtnetlink.IFLA_INFO_DATA);

        assertThat(message.type()).isEqualTo(Rtnetlink.RTM_NEWLINK);
        assertThat(link.string(Rtnetlink.IFLA_IFNAME)).contains("flannel.7");
        assertThat(link.mac(Rtnetlink.IFLA_ADDRESS)).contains(spec.mac());
        assertThat(link.u32(Rtnetlink.IFLA_MTU)).contains(1450);
        assertThat(link.nested(Rtnetlink.IFLA_LINKINFO).string(Rtnetlink.IFLA_INFO_KIND))
                .contains("vxlan");
        assertThat(data.u32(Rtnetlink.IFLA_VXLAN_ID)).contains(7);
        assertThat(data.u32(Rtnetlink.IFLA_VXLAN_LINK)).contains(3);
        assertThat(data.ip4(Rtnetlink.IFLA_VXLAN_LOCAL)).contains(Ip4.parse("10.168.0.2"));
        assertThat(data.bigEndianU16(Rtnetlink.IFLA_VXLAN_PORT)).contains(4789);
        assertThat(data.u8(Rtnetlink.IFLA_VXLAN_LEARNING)).contains(0);
        assertThat(data.has(Rtnetlink.IFLA_VXLAN_GBP)).isTrue();
        assertThat(data.has(Rtnetlink.IFLA_VXLAN_GROUP)).isFalse();
    }

    @Test
    void splitsADatagramOfSeveralMessagesAtTheirAlignedLengths() {
        // two messages: a 20-byte one (4 bytes of payload) and an NLMSG_DONE, as a dump ends
        byte[] datagram =
                bytes("14000000 1000 0200 05000000 00000000 aabbccdd", "14000000 0300 0200 05000000 00000000 00000000");
        List<NetlinkMessage> messages = NetlinkMessage.parseAll(ByteBuffer.wrap(datagram));
        assertThat(messages)
                .extracting(NetlinkMessage::type)
                .containsExactly(Rtnetlink.RTM_NEWLINK, Rtnetlink.NLMSG_DONE);
        assertThat(messages.get(0).has(Rtnetlink.NLM_F_MULTI)).isTrue();
        assertThat(messages.get(0).payload().limit()).isEqualTo(4);
    }

    @Test
    void theKernelsReasonIsReadFromACappedErrorWithExtendedAck() {
        // NLMSG_ERROR, NLM_F_CAPPED|NLM_F_ACK_TLVS: error -101, the request's header, NLMSGERR_ATTR_MSG
        byte[] datagram = bytes(
                "44000000 0200 0003 07000000 00000000",
                "9bffffff",
                "34000000 1800 0505 07000000 00000000",
                "2000 0100",
                "4e657874686f702068617320696e76616c69642067617465776179 00"); // "Nexthop has invalid gateway"
        NetlinkMessage error = only(ByteBuffer.wrap(datagram));
        assertThat(error.s32(0)).isEqualTo(-101);
        assertThat(NetlinkSocket.kernelMessage(error)).contains("Nexthop has invalid gateway");
    }

    @Test
    void anErrorWithoutExtendedAckHasNoKernelWords() {
        byte[] datagram =
                bytes("24000000 0200 0001 07000000 00000000", "efffffff", "34000000 1800 0505 07000000 00000000");
        assertThat(NetlinkSocket.kernelMessage(only(ByteBuffer.wrap(datagram)))).isEmpty();
    }

    @Test
    void anErrorNamesTheRequestTheErrnoAndTheKernelsWords() {
        NetlinkException e = new NetlinkException(
                "replace route 10.1.16.0/24 via 10.9.9.9 dev eth0",
                101,
                java.util.Optional.of("Nexthop has invalid gateway"));
        assertThat(e.getMessage())
                .isEqualTo(
                        "cannot replace route 10.1.16.0/24 via 10.9.9.9 dev eth0: Network is unreachable (errno 101): "
                                + "Nexthop has invalid gateway");
    }

    private static NetlinkMessage only(ByteBuffer datagram) {
        List<NetlinkMessage> messages = NetlinkMessage.parseAll(datagram);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static byte[] bytes(String... parts) {
        return HexFormat.of().parseHex(String.join("", parts).replace(" ", ""));
    }
}
