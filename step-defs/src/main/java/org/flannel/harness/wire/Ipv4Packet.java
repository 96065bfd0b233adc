package org.flannel.harness.wire;

/**
 * What a transport header needs from the IPv4 header that carries it.
 *
 * @param start        offset of the IPv4 header
 * @param payloadStart offset of the transport header
 * @param payloadEnd   end of the IP payload on the wire, as the total length (or the enclosing region) says
 * @param protocol     the protocol field
 * @param fragment     part of a fragmented datagram: the transport's length and checksum cannot be judged
 * @param quoted       quoted by an ICMP error: only the start of the original datagram is there
 */
record Ipv4Packet(int start, int payloadStart, int payloadEnd, int protocol, boolean fragment, boolean quoted) {

    int payloadLength() {
        return payloadEnd - payloadStart;
    }
}
