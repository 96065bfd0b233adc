package org.flannel.harness.wire;

/** Chooses the decoder of the next header from the current header's type field. */
final class Dispatch {

    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_ARP = 0x0806;
    static final int ETHERTYPE_IPV6 = 0x86dd;
    static final int PROTOCOL_ICMP = 1;
    static final int PROTOCOL_TCP = 6;
    static final int PROTOCOL_UDP = 17;

    private Dispatch() {}

    /**
     * @param paddable whether the enclosing Ethernet frame is short enough that bytes after the IP packet
     *                 are padding to the minimum frame size rather than a length mismatch
     */
    static void ethertype(DecodeContext context, int ethertype, int start, int end, boolean paddable) {
        switch (ethertype) {
            case ETHERTYPE_IPV4 -> Ipv4Decoder.decode(context, new Region(start, end, paddable));
            case ETHERTYPE_IPV6 -> Ipv6Decoder.decode(context, start, end);
            case ETHERTYPE_ARP -> ArpDecoder.decode(context, start, end);
            default -> {
                // Not a protocol this harness judges: the payload stays in the raw bytes only.
            }
        }
    }

    /** A bare IP packet (TUN device, raw capture, IP in UDP): the version nibble says which. */
    static void ip(DecodeContext context, int start, int end) {
        if (start >= context.bytes().length) {
            return;
        }
        int version = (context.bytes()[start] & 0xf0) >>> 4;
        if (version == 6) {
            Ipv6Decoder.decode(context, start, end);
        } else {
            Ipv4Decoder.decode(context, new Region(start, end, false));
        }
    }

    static void ipv4Payload(DecodeContext context, Ipv4Packet packet) {
        switch (packet.protocol()) {
            case PROTOCOL_UDP -> UdpDecoder.decode(context, packet);
            case PROTOCOL_TCP -> TcpDecoder.decode(context, packet);
            case PROTOCOL_ICMP -> IcmpDecoder.decode(context, packet);
            default -> {
                // Other protocols stay in the raw bytes.
            }
        }
    }

    /** Where a header may extend: from start to end on the wire (end may lie past the captured bytes). */
    record Region(int start, int end, boolean paddable) {}
}
