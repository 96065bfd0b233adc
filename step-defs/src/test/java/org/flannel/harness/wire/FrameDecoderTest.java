package org.flannel.harness.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private final FrameDecoder decoder = new FrameDecoder();

    @Test
    void vxlanFrameHasOuterVxlanAndInnerLayersWithExactOffsetsAndWidths() {
        Frame frame = decoder.decode(LinkTypes.ETHERNET, Packets.vxlanPing());

        assertThat(frame.layers())
                .extracting(Layer::name)
                .containsExactly(
                        "outer.ethernet",
                        "outer.ipv4",
                        "outer.udp",
                        "vxlan",
                        "inner.ethernet",
                        "inner.ipv4",
                        "inner.icmp");
        assertField(frame, "outer.ethernet.destination", "02:00:0a:a8:00:03", 0, 0, 48);
        assertField(frame, "outer.ethernet.vlan", "absent", 12, 0, 0);
        assertField(frame, "outer.ethernet.ethertype", "0x0800", 12, 0, 16);
        assertField(frame, "outer.ipv4.version", "4", 14, 0, 4);
        assertField(frame, "outer.ipv4.ihl", "5", 14, 4, 4);
        assertField(frame, "outer.ipv4.dscp", "0", 15, 0, 6);
        assertField(frame, "outer.ipv4.ecn", "0", 15, 6, 2);
        assertField(frame, "outer.ipv4.total_length", "134", 16, 0, 16);
        assertField(frame, "outer.ipv4.identification", "0x1c46", 18, 0, 16);
        assertField(frame, "outer.ipv4.flags.df", "1", 20, 1, 1);
        assertField(frame, "outer.ipv4.fragment_offset", "0", 20, 3, 13);
        assertField(frame, "outer.ipv4.ttl", "64", 22, 0, 8);
        assertField(frame, "outer.ipv4.protocol", "17", 23, 0, 8);
        assertField(frame, "outer.ipv4.source", "10.168.0.2", 26, 0, 32);
        assertField(frame, "outer.ipv4.destination", "10.168.0.3", 30, 0, 32);
        assertField(frame, "outer.udp.source_port", "37991", 34, 0, 16);
        assertField(frame, "outer.udp.destination_port", "8472", 36, 0, 16);
        assertField(frame, "outer.udp.length", "114", 38, 0, 16);
        assertField(frame, "vxlan.flags", "0x08", 42, 0, 8);
        assertField(frame, "vxlan.i_flag", "1", 42, 4, 1);
        assertField(frame, "vxlan.reserved_flags", "0x00", 42, 0, 8);
        assertField(frame, "vxlan.reserved1", "0x000000", 43, 0, 24);
        assertField(frame, "vxlan.vni", "1", 46, 0, 24);
        assertField(frame, "vxlan.reserved2", "0x00", 49, 0, 8);
        assertField(frame, "inner.ethernet.destination", Packets.NODE2_VTEP_MAC, 50, 0, 48);
        assertField(frame, "inner.ipv4.ttl", "63", 72, 0, 8);
        assertField(frame, "inner.ipv4.source", "10.1.15.2", 76, 0, 32);
        assertField(frame, "inner.icmp.type", "8", 84, 0, 8);
        assertField(frame, "inner.icmp.identifier", "7870", 88, 0, 16);
        assertField(frame, "inner.icmp.sequence", "1", 90, 0, 16);
        assertThat(frame.violations()).isEmpty();
        assertThat(frame.isEncapsulated()).isTrue();
    }

    @Test
    void frameWithoutVxlanHasNoOuterPrefix() {
        Frame frame = decoder.decode(LinkTypes.ETHERNET, Packets.hostGwPing());

        assertThat(frame.layers()).extracting(Layer::name).containsExactly("ethernet", "ipv4", "icmp");
        assertThat(frame.value("ipv4.ttl")).hasValue("63");
        assertThat(frame.field("outer.ipv4.ttl")).isEmpty();
    }

    @Test
    void rawIpCaptureStartsAtIpv4() {
        Frame frame = decoder.decode(LinkTypes.RAW, Packets.podPing(64));

        assertThat(frame.layers()).extracting(Layer::name).containsExactly("ipv4", "icmp");
        assertField(frame, "ipv4.version", "4", 0, 0, 4);
        assertField(frame, "icmp.checksum", frame.value("icmp.checksum").orElseThrow(), 22, 0, 16);
    }

    @Test
    void vxlanIsDecodedOnlyOnItsConfiguredPort() {
        byte[] frameBytes = Packets.vxlanFrame(
                4096,
                4789,
                Packets.ethernet(Packets.NODE2_VTEP_MAC, Packets.NODE1_VTEP_MAC, 0x0800, Packets.podPing(63)));

        Frame defaults = decoder.decode(LinkTypes.ETHERNET, frameBytes);
        Frame on4789 = new FrameDecoder(DecodeOptions.vxlanPorts(4789)).decode(LinkTypes.ETHERNET, frameBytes);

        assertThat(defaults.layers()).extracting(Layer::name).containsExactly("ethernet", "ipv4", "udp");
        assertThat(on4789.value("vxlan.vni")).hasValue("4096");
        assertThat(on4789.value("inner.ipv4.destination")).hasValue("10.1.16.3");
    }

    @Test
    void vlanTagIsDecodedWhenPresent() {
        byte[] frameBytes = Packets.ethernetTagged(
                Packets.NODE2_ETH0_MAC, Packets.NODE1_ETH0_MAC, 100, 5, 0x0800, Packets.podPing(64));

        Frame frame = decoder.decode(LinkTypes.ETHERNET, frameBytes);

        assertField(frame, "ethernet.vlan", "present", 12, 0, 32);
        assertField(frame, "ethernet.vlan.tpid", "0x8100", 12, 0, 16);
        assertField(frame, "ethernet.vlan.pcp", "5", 14, 0, 3);
        assertField(frame, "ethernet.vlan.dei", "0", 14, 3, 1);
        assertField(frame, "ethernet.vlan.id", "100", 14, 4, 12);
        assertField(frame, "ethernet.ethertype", "0x0800", 16, 0, 16);
        assertField(frame, "ipv4.version", "4", 18, 0, 4);
        assertThat(frame.violations()).isEmpty();
    }

    @Test
    void flannelUdpBackendCarriesABareIpPacket() {
        byte[] outer = Packets.udpInIpv4("10.168.0.2", "10.168.0.3", 8285, 8285, 64, Packets.podPing(63), true);

        Frame frame = decoder.decode(
                LinkTypes.ETHERNET, Packets.ethernet(Packets.NODE2_ETH0_MAC, Packets.NODE1_ETH0_MAC, 0x0800, outer));

        assertThat(frame.layers())
                .extracting(Layer::name)
                .containsExactly("outer.ethernet", "outer.ipv4", "outer.udp", "inner.ipv4", "inner.icmp");
        assertThat(frame.value("inner.ipv4.source")).hasValue("10.1.15.2");
        assertThat(frame.violations()).isEmpty();
    }

    @Test
    void icmpErrorQuotesTheOriginalDatagram() {
        byte[] original = Packets.udpInIpv4("10.1.15.2", "10.1.16.3", 40000, 5000, 64, new byte[] {1, 2, 3}, true);
        byte[] icmp = Packets.concat(new byte[] {3, 4}, Packets.u16(0), Packets.u16(0), Packets.u16(1400), original);
        Packets.put16(icmp, 2, ~InternetChecksum.fold(InternetChecksum.sum(icmp, 0, icmp.length)) & 0xffff);
        byte[] packet = Packets.ipv4("10.1.16.3", "10.1.15.2", 1, 64, 1, icmp);

        Frame frame = decoder.decode(LinkTypes.RAW, packet);

        assertThat(frame.layers()).extracting(Layer::name).containsExactly("ipv4", "icmp", "quoted.ipv4", "quoted.udp");
        assertThat(frame.value("icmp.next_hop_mtu")).hasValue("1400");
        assertThat(frame.value("quoted.udp.destination_port")).hasValue("5000");
        assertThat(frame.violations()).isEmpty();
    }

    @Test
    void tcpFlagsAreSingleBits() {
        byte[] tcp = new byte[20];
        Packets.put16(tcp, 0, 59842);
        Packets.put16(tcp, 2, 5001);
        tcp[12] = 0x50;
        tcp[13] = 0x12; // SYN + ACK
        Packets.put16(tcp, 14, 64240);
        byte[] packet = Packets.ipv4("10.1.16.3", "10.1.15.2", 6, 64, 2, tcp);
        long sum = InternetChecksum.ipv4PseudoHeaderSum(packet, 0, 6, 20) + InternetChecksum.sum(packet, 20, 20);
        Packets.put16(packet, 36, ~InternetChecksum.fold(sum) & 0xffff);

        Frame frame = decoder.decode(LinkTypes.RAW, packet);

        assertField(frame, "tcp.flags", "0x012", 32, 4, 12);
        assertField(frame, "tcp.flags.syn", "1", 33, 6, 1);
        assertField(frame, "tcp.flags.ack", "1", 33, 3, 1);
        assertField(frame, "tcp.flags.fin", "0", 33, 7, 1);
        assertField(frame, "tcp.data_offset", "5", 32, 0, 4);
        assertThat(frame.checksumStatus("tcp.checksum")).hasValue(ChecksumStatus.GOOD);
        assertThat(frame.violations()).isEmpty();
    }

    @Test
    void everyDecodedFieldNameIsInTheCatalog() {
        byte[] tagged = Packets.ethernetTagged("ff:ff:ff:ff:ff:ff", Packets.NODE1_ETH0_MAC, 7, 0, 0x0806, new byte[28]);
        for (byte[] bytes : new byte[][] {Packets.vxlanPing(), Packets.hostGwPing(), tagged}) {
            Frame frame = decoder.decode(LinkTypes.ETHERNET, bytes);
            for (String name : frame.fields().keySet()) {
                assertThat(FieldCatalog.problemWith(name)).as(name).isEmpty();
            }
        }
        assertThat(FieldCatalog.problemWith("vxlan.vnid"))
                .hasValueSatisfying(problem ->
                        assertThat(problem).contains("unknown field 'vnid'").contains("vni"));
        assertThat(FieldCatalog.problemWith("outer.ipx.ttl")).isPresent();
    }

    @Test
    void rendersOneLinePerFieldWithOffsetAndWidth() {
        String text = decoder.decode(LinkTypes.ETHERNET, Packets.vxlanPing()).render();

        assertThat(text).containsPattern("vxlan\\.vni\\s+1\\s+46\\s+24");
        assertThat(text).containsPattern("outer\\.ipv4\\.ihl\\s+5\\s+14\\.4\\s+4");
        assertThat(text).contains("✓ valid");
    }

    @Test
    void printsValuesTheWayAPersonReadsThem() {
        Frame frame = decoder.decode(LinkTypes.ETHERNET, Packets.vxlanPing());
        Set<FieldKind> kinds = Set.of(FieldKind.values());

        assertThat(kinds).isNotEmpty();
        assertThat(frame.value("outer.ipv4.header_checksum").orElseThrow()).matches("0x[0-9a-f]{4}");
        assertThat(frame.value("inner.ethernet.source")).hasValue(Packets.NODE1_VTEP_MAC);
        assertThat(frame.summary())
                .isEqualTo("#1 148 bytes 10.1.15.2 → 10.1.16.3 icmp in vxlan vni 1 (outer 10.168.0.2 → 10.168.0.3)");
    }

    static void assertField(Frame frame, String name, String value, int offset, int bitOffset, int width) {
        Field field =
                frame.field(name).orElseThrow(() -> new AssertionError("no field " + name + " in\n" + frame.render()));
        assertThat(field.value()).as(name + " value").isEqualTo(value);
        assertThat(field.offset()).as(name + " offset").isEqualTo(offset);
        assertThat(field.bitOffset()).as(name + " bit offset").isEqualTo(bitOffset);
        assertThat(field.bitWidth()).as(name + " width").isEqualTo(width);
    }
}
