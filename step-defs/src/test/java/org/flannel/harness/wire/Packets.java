package org.flannel.harness.wire;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Builds frames byte by byte for tests, with correct lengths and checksums unless a test breaks them on purpose
 * afterwards. The defaults are the seed's topology: node1 10.168.0.2 sending from 10.1.15.2 to 10.1.16.3.
 */
public final class Packets {

    public static final String NODE1_ETH0_MAC = "02:00:0a:a8:00:02";
    public static final String NODE2_ETH0_MAC = "02:00:0a:a8:00:03";
    public static final String NODE1_VTEP_MAC = "5e:f8:4f:00:e3:36";
    public static final String NODE2_VTEP_MAC = "5e:f8:4f:00:e3:37";

    private Packets() {}

    public static byte[] ethernet(String destination, String source, int ethertype, byte[] payload) {
        return concat(mac(destination), mac(source), u16(ethertype), payload);
    }

    public static byte[] ethernetTagged(
            String destination, String source, int vlanId, int priority, int ethertype, byte[] payload) {
        return concat(
                mac(destination), mac(source), u16(0x8100), u16((priority << 13) | vlanId), u16(ethertype), payload);
    }

    /** An IPv4 packet, DF set, with a valid header checksum. */
    public static byte[] ipv4(
            String source, String destination, int protocol, int ttl, int identification, byte[] payload) {
        return ipv4(source, destination, protocol, ttl, identification, true, payload);
    }

    /** An IPv4 packet with DF set or clear, with a valid header checksum. */
    public static byte[] ipv4(
            String source,
            String destination,
            int protocol,
            int ttl,
            int identification,
            boolean dontFragment,
            byte[] payload) {
        byte[] header = new byte[20];
        header[0] = 0x45;
        put16(header, 2, 20 + payload.length);
        put16(header, 4, identification);
        header[6] = (byte) (dontFragment ? 0x40 : 0);
        header[8] = (byte) ttl;
        header[9] = (byte) protocol;
        System.arraycopy(ip(source), 0, header, 12, 4);
        System.arraycopy(ip(destination), 0, header, 16, 4);
        put16(header, 10, ~InternetChecksum.fold(InternetChecksum.sum(header, 0, 20)) & 0xffff);
        return concat(header, payload);
    }

    /** A UDP datagram inside IPv4 with a valid checksum, or a zero one when {@code withChecksum} is false. */
    public static byte[] udpInIpv4(
            String source,
            String destination,
            int sourcePort,
            int destinationPort,
            int ttl,
            byte[] payload,
            boolean withChecksum) {
        return udpInIpv4(source, destination, sourcePort, destinationPort, ttl, 0x1c46, true, payload, withChecksum);
    }

    /** The same, with the IPv4 identification and DF given. */
    public static byte[] udpInIpv4(
            String source,
            String destination,
            int sourcePort,
            int destinationPort,
            int ttl,
            int identification,
            boolean dontFragment,
            byte[] payload,
            boolean withChecksum) {
        byte[] udp = concat(u16(sourcePort), u16(destinationPort), u16(8 + payload.length), u16(0), payload);
        byte[] packet = ipv4(source, destination, 17, ttl, identification, dontFragment, udp);
        if (withChecksum) {
            long sum = InternetChecksum.ipv4PseudoHeaderSum(packet, 0, 17, udp.length)
                    + InternetChecksum.sum(packet, 20, udp.length);
            int checksum = ~InternetChecksum.fold(sum) & 0xffff;
            put16(packet, 26, checksum == 0 ? 0xffff : checksum);
        }
        return packet;
    }

    /** An ICMP echo request (type 8) or reply (type 0) with a valid checksum. */
    public static byte[] icmpEcho(int type, int identifier, int sequence, byte[] data) {
        byte[] message = concat(new byte[] {(byte) type, 0}, u16(0), u16(identifier), u16(sequence), data);
        put16(message, 2, ~InternetChecksum.fold(InternetChecksum.sum(message, 0, message.length)) & 0xffff);
        return message;
    }

    /** An ICMP error (destination unreachable: type 3) quoting {@code quoted}, with a valid checksum. */
    public static byte[] icmpError(int type, int code, byte[] quoted) {
        byte[] message = concat(new byte[] {(byte) type, (byte) code}, u16(0), new byte[4], quoted);
        put16(message, 2, ~InternetChecksum.fold(InternetChecksum.sum(message, 0, message.length)) & 0xffff);
        return message;
    }

    public static byte[] vxlanHeader(int vni) {
        return new byte[] {0x08, 0, 0, 0, (byte) (vni >>> 16), (byte) (vni >>> 8), (byte) vni, 0};
    }

    /** The packet container-1 sends: an echo request from 10.1.15.2 to 10.1.16.3 with 56 bytes of data. */
    public static byte[] podPing(int ttl) {
        byte[] data = new byte[56];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        return ipv4("10.1.15.2", "10.1.16.3", 1, ttl, 0x65a3, icmpEcho(8, 7870, 1, data));
    }

    /** The pod's ping as node1 puts it on the wire with VXLAN: 148 bytes, VNI 1, port 8472. */
    public static byte[] vxlanPing() {
        return vxlanFrame(1, 8472, ethernet(NODE2_VTEP_MAC, NODE1_VTEP_MAC, 0x0800, podPing(63)));
    }

    public static byte[] vxlanFrame(int vni, int port, byte[] innerFrame) {
        byte[] outer =
                udpInIpv4("10.168.0.2", "10.168.0.3", 37991, port, 64, concat(vxlanHeader(vni), innerFrame), true);
        return ethernet(NODE2_ETH0_MAC, NODE1_ETH0_MAC, 0x0800, outer);
    }

    /**
     * A frame as node1's VXLAN device sends it (outer DF clear, as Linux's default {@code df unset}), with the
     * outer UDP source port and identification given.
     */
    public static byte[] vxlanFlowFrame(int sourcePort, int identification, byte[] innerPacket) {
        byte[] inner = ethernet(NODE2_VTEP_MAC, NODE1_VTEP_MAC, 0x0800, innerPacket);
        byte[] outer = udpInIpv4(
                "10.168.0.2",
                "10.168.0.3",
                sourcePort,
                8472,
                64,
                identification,
                false,
                concat(vxlanHeader(1), inner),
                true);
        return ethernet(NODE2_ETH0_MAC, NODE1_ETH0_MAC, 0x0800, outer);
    }

    /** A UDP datagram from container-1 (10.1.15.2) to container-2 (10.1.16.3), as node1 routes it (TTL 63). */
    public static byte[] podDatagram(int sourcePort, int destinationPort, String text) {
        return udpInIpv4(
                "10.1.15.2",
                "10.1.16.3",
                sourcePort,
                destinationPort,
                63,
                0x4242,
                true,
                text.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                true);
    }

    /** The same pod ping routed by host-gw: no encapsulation. */
    public static byte[] hostGwPing() {
        return ethernet(NODE2_ETH0_MAC, NODE1_ETH0_MAC, 0x0800, podPing(63));
    }

    /** Re-computes the IPv4 header checksum at {@code ipStart} after a test changed a header byte. */
    public static void fixIpv4Checksum(byte[] frame, int ipStart) {
        put16(frame, ipStart + 10, 0);
        int headerLength = (frame[ipStart] & 0x0f) * 4;
        put16(frame, ipStart + 10, ~InternetChecksum.fold(InternetChecksum.sum(frame, ipStart, headerLength)) & 0xffff);
    }

    public static byte[] mac(String text) {
        String[] parts = text.split(":");
        byte[] bytes = new byte[6];
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

    public static byte[] ip(String text) {
        String[] parts = text.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return bytes;
    }

    public static byte[] u16(int value) {
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    public static void put16(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 8);
        bytes[offset + 1] = (byte) value;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] cut(byte[] frame, int length) {
        return Arrays.copyOf(frame, length);
    }
}
