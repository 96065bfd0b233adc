package org.flannel.reference.backend.udp;

/** Why the data path dropped a packet, as counted and logged. */
enum Drop {
    /** Shorter than an IPv4 header. */
    TOO_SHORT("too-short"),
    /** Not IPv4 (from the TUN device: e.g. IPv6 the kernel routed there). */
    NOT_IPV4("not-ipv4"),
    /** IHL below 5 or beyond the packet. */
    BAD_HEADER_LENGTH("bad-header-length"),
    /** The header's total length is not the datagram's length. */
    BAD_TOTAL_LENGTH("bad-total-length"),
    BAD_CHECKSUM("bad-checksum"),
    /** A datagram from an address that is no peer's PublicIP. */
    UNKNOWN_SOURCE("unknown-source"),
    /** No peer owns the destination (answered with ICMP net unreachable where allowed). */
    NO_PEER("no-peer"),
    /** The TTL would have reached 0. */
    TTL_EXPIRED("ttl-expired"),
    SEND_FAILED("send-failed"),
    WRITE_FAILED("write-failed");

    private final String label;

    Drop(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
