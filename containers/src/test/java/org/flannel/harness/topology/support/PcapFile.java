package org.flannel.harness.topology.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Minimal classic-pcap reader for tests: 24-byte global header, then 16-byte record headers. */
public record PcapFile(int linkType, List<byte[]> packets) {
    public static PcapFile read(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file));
        if (buf.remaining() < 24) {
            throw new IOException(file + " is shorter than a pcap global header (" + buf.remaining() + " bytes)");
        }
        int magic = buf.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
            buf.order(ByteOrder.BIG_ENDIAN);
            magic = buf.getInt(0);
            if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
                throw new IOException(file + " has no pcap magic number");
            }
        }
        int linkType = buf.getInt(20);
        buf.position(24);
        List<byte[]> packets = new ArrayList<>();
        while (buf.remaining() >= 16) {
            buf.getInt(); // seconds
            buf.getInt(); // micro- or nanoseconds
            int captured = buf.getInt();
            buf.getInt(); // original length
            if (captured < 0 || captured > buf.remaining()) {
                break; // a record cut short by the writer being stopped
            }
            byte[] packet = new byte[captured];
            buf.get(packet);
            packets.add(packet);
        }
        return new PcapFile(linkType, packets);
    }

    /** Ethernet frames carrying IPv4 with protocol ICMP (1). */
    public long icmpCount() {
        return packets.stream()
                .filter(p -> p.length >= 34 && (p[12] & 0xff) == 0x08 && p[13] == 0x00 && p[23] == 1)
                .count();
    }

    /** An ICMP packet in an Ethernet/IPv4 frame: addresses, ICMP type (8 echo request, 0 reply) and IP TTL. */
    public record Icmp(String source, String destination, int type, int ttl) {}

    public List<Icmp> icmp() {
        return packets.stream()
                .filter(p -> p.length >= 34 && (p[12] & 0xff) == 0x08 && p[13] == 0x00 && p[23] == 1)
                .map(p -> new Icmp(address(p, 26), address(p, 30), p[14 + ((p[14] & 0x0f) * 4)] & 0xff, p[22] & 0xff))
                .toList();
    }

    private static String address(byte[] p, int offset) {
        return (p[offset] & 0xff) + "." + (p[offset + 1] & 0xff) + "." + (p[offset + 2] & 0xff) + "."
                + (p[offset + 3] & 0xff);
    }
}
