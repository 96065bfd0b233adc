package org.flannel.reference.backend.udp;

import java.nio.ByteBuffer;

/**
 * Whether a received datagram holds exactly one well-formed IPv4 packet, before it may reach the TUN
 * device (beyond Flannel, which writes whatever arrives).
 */
final class DatagramCheck {

    private DatagramCheck() {}

    /** Null when the {@code length} bytes at the start of {@code datagram} are a well-formed IPv4 packet. */
    static Drop problem(ByteBuffer datagram, int length) {
        if (length < Ipv4Header.MIN_LENGTH) {
            return Drop.TOO_SHORT;
        }
        if (Ipv4Header.version(datagram) != 4) {
            return Drop.NOT_IPV4;
        }
        int headerLength = Ipv4Header.headerLength(datagram);
        if (headerLength < Ipv4Header.MIN_LENGTH || headerLength > length) {
            return Drop.BAD_HEADER_LENGTH;
        }
        if (Ipv4Header.totalLength(datagram) != length) {
            return Drop.BAD_TOTAL_LENGTH;
        }
        if (!Ipv4Header.checksumIsValid(datagram, headerLength)) {
            return Drop.BAD_CHECKSUM;
        }
        return null;
    }
}
