package org.flannel.harness.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flannel.harness.wire.PcapFileWriter.Record;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decoder against tshark, without root: on the real captures kept as test resources, and on hand-built
 * frames that break each rule (bad checksums, zero UDP checksum, reserved bits, VLAN tag, raw IP, cuts).
 */
class TsharkOracleTest {

    @TempDir
    Path directory;

    @BeforeAll
    static void needsTshark() {
        assumeTrue(TsharkPdml.available(), "tshark is not installed");
    }

    @Test
    void realCapturesKeptAsResourcesAgreeWithTshark() throws Exception {
        List<Path> pcaps;
        try (Stream<Path> files = Files.list(resourceDirectory())) {
            pcaps = files.filter(file -> file.toString().endsWith(".pcap"))
                    .sorted()
                    .toList();
        }
        assertThat(pcaps).isNotEmpty();
        TsharkOracle.Report total = new TsharkOracle.Report();
        for (Path pcap : pcaps) {
            total.add(compare(pcap));
        }
        System.out.println("[oracle] resource pcaps: " + total.summary());
        assertThat(total.mismatches).as(total.summary()).isEmpty();
        assertThat(total.agreedValues)
                .containsKeys(
                        "vxlan.vni",
                        "icmp.checksum",
                        "ipv4.header_checksum",
                        "udp.checksum",
                        "tcp.flags.syn",
                        "arp.opcode");
        assertThat(total.agreedChecksumStatus).containsKeys("ipv4.header_checksum", "udp.checksum", "icmp.checksum");
        assertThat(total.agreedTruncated).containsKeys("tcp.checksum");
        assertThat(total.agreedChecksumStatus).containsKeys("tcp.checksum");
    }

    @Test
    void handBuiltFramesBreakingRulesAgreeWithTshark() throws Exception {
        List<Record> records = new ArrayList<>();
        records.add(Record.whole(Packets.vxlanPing()));
        byte[] badIpChecksum = Packets.vxlanPing();
        badIpChecksum[14 + 11] ^= 1;
        records.add(Record.whole(badIpChecksum));
        byte[] badUdpChecksum = Packets.vxlanPing();
        badUdpChecksum[34 + 7] ^= 1;
        records.add(Record.whole(badUdpChecksum));
        byte[] zeroUdpChecksum = Packets.vxlanPing();
        Packets.put16(zeroUdpChecksum, 34 + 6, 0);
        records.add(Record.whole(zeroUdpChecksum));
        byte[] badIcmpChecksum = Packets.vxlanPing();
        badIcmpChecksum[84 + 3] ^= 1;
        Packets.put16(badIcmpChecksum, 34 + 6, 0);
        records.add(Record.whole(badIcmpChecksum));
        byte[] reservedBits = Packets.vxlanPing();
        reservedBits[42] = (byte) 0x0c;
        reservedBits[42 + 2] = 0x12;
        reservedBits[42 + 7] = 0x34;
        Packets.put16(reservedBits, 34 + 6, 0);
        records.add(Record.whole(reservedBits));
        records.add(Record.whole(Packets.vxlanFrame(
                4096,
                4789,
                Packets.ethernetTagged(
                        Packets.NODE2_VTEP_MAC, Packets.NODE1_VTEP_MAC, 42, 3, 0x0800, Packets.podPing(63)))));
        records.add(Record.whole(Packets.ethernetTagged(
                Packets.NODE2_ETH0_MAC, Packets.NODE1_ETH0_MAC, 100, 5, 0x0800, Packets.podPing(64))));
        records.add(Record.whole(Packets.ethernet(
                Packets.NODE2_ETH0_MAC,
                Packets.NODE1_ETH0_MAC,
                0x0800,
                Packets.udpInIpv4("10.168.0.2", "10.168.0.3", 8285, 8285, 64, Packets.podPing(63), true))));
        for (int cut : new int[] {96, 60, 50, 47, 44, 40, 30, 20, 13}) {
            byte[] whole = Packets.vxlanPing();
            records.add(new Record(Packets.cut(whole, cut), whole.length));
        }
        records.add(Record.whole(Packets.ethernet(
                Packets.NODE2_ETH0_MAC, Packets.NODE1_ETH0_MAC, 0x0800, withIpv4Options(Packets.podPing(64)))));
        records.add(Record.whole(Packets.ethernet("33:33:00:00:00:01", Packets.NODE1_ETH0_MAC, 0x86dd, ipv6())));
        Path ethernet = PcapFileWriter.write(directory.resolve("hand-built.pcap"), LinkTypes.ETHERNET, records);
        Path raw = PcapFileWriter.write(
                directory.resolve("raw.pcap"),
                LinkTypes.LINKTYPE_RAW,
                List.of(
                        Record.whole(Packets.podPing(64)),
                        new Record(Packets.cut(Packets.podPing(64), 26), 84),
                        Record.whole(fragmentationNeeded())));
        byte[] cooked = Packets.concat(
                new byte[] {0, 0, 0, 1, 0, 6},
                Packets.mac(Packets.NODE1_ETH0_MAC),
                new byte[] {0, 0},
                Packets.u16(0x0800),
                Packets.podPing(64));
        Path sll =
                PcapFileWriter.write(directory.resolve("sll.pcap"), LinkTypes.LINUX_SLL, List.of(Record.whole(cooked)));

        TsharkOracle.Report total = compare(ethernet);
        total.add(compare(raw));
        total.add(compare(sll));

        System.out.println("[oracle] hand-built frames: " + total.summary());
        assertThat(total.mismatches).as(total.summary()).isEmpty();
        assertThat(total.agreedChecksumStatus).containsKeys("ipv4.header_checksum", "udp.checksum", "icmp.checksum");
        assertThat(total.agreedValues).containsKeys("ethernet.vlan", "ethernet.vlan.id", "vxlan.reserved1");
        assertThat(total.agreedTruncated).containsKeys("vxlan.vni", "ipv4.destination");
        assertThat(total.agreedValues)
                .containsKeys("icmp.next_hop_mtu", "ipv6.flow_label", "sll.address", "sll.protocol");
    }

    /** The pod's ping with one 4-byte option (four NOPs), so every later field moves by 4 bytes. */
    private static byte[] withIpv4Options(byte[] packet) {
        byte[] longer = Packets.concat(
                Packets.cut(packet, 20),
                new byte[] {1, 1, 1, 1},
                java.util.Arrays.copyOfRange(packet, 20, packet.length));
        longer[0] = 0x46;
        Packets.put16(longer, 2, longer.length);
        Packets.fixIpv4Checksum(longer, 0);
        return longer;
    }

    /** An IPv6 header with no next header, so neither side decodes further. */
    private static byte[] ipv6() {
        byte[] header = new byte[40];
        header[0] = 0x6a;
        header[1] = (byte) 0xb1;
        header[2] = 0x23;
        header[3] = 0x45;
        header[6] = 59;
        header[7] = (byte) 255;
        header[8] = (byte) 0xfe;
        header[9] = (byte) 0x80;
        header[23] = 1;
        header[24] = (byte) 0xff;
        header[25] = 0x02;
        header[39] = 1;
        return header;
    }

    /** node2 telling container-1 that the next hop only takes 1400 bytes, quoting the UDP datagram it dropped. */
    static byte[] fragmentationNeeded() {
        byte[] original = Packets.udpInIpv4("10.1.15.2", "10.1.16.3", 40000, 5000, 64, new byte[] {1, 2, 3}, true);
        byte[] icmp = Packets.concat(new byte[] {3, 4}, Packets.u16(0), Packets.u16(0), Packets.u16(1400), original);
        Packets.put16(icmp, 2, ~InternetChecksum.fold(InternetChecksum.sum(icmp, 0, icmp.length)) & 0xffff);
        return Packets.ipv4("10.1.16.3", "10.1.15.2", 1, 64, 1, icmp);
    }

    static TsharkOracle.Report compare(Path pcap) throws IOException, InterruptedException {
        List<Frame> frames = PcapReader.read(pcap, 8472, 4789);
        return TsharkOracle.compare(pcap.getFileName().toString(), frames, TsharkPdml.dissect(pcap));
    }

    static Path resourceDirectory() throws URISyntaxException {
        return Path.of(TsharkOracleTest.class.getResource("/pcap").toURI());
    }
}
