package org.flannel.harness.wire;

/** How a field's value is read by a person, which decides how it prints and how a literal compares with it. */
public enum FieldKind {
    /** Ports, lengths, TTL, VNI: decimal. */
    NUMBER,
    /** Checksums, flag words, ethertypes, reserved bits: hex, zero-padded to the field's width. */
    HEX,
    /** A single flag bit: 0 or 1. */
    BIT,
    /** A MAC address: 5e:f8:4f:00:e3:37. */
    MAC,
    /** An IPv4 address: 10.1.16.3. */
    IPV4,
    /** An IPv6 address, compressed form. */
    IPV6,
    /** Opaque bytes (options): colon-separated hex. */
    BYTES,
    /** An optional part of a header (the 802.1Q tag): "present" or "absent". */
    PRESENCE,
    /** The header declares the field but the captured bytes end before it. */
    TRUNCATED;

    public boolean isNumeric() {
        return this == NUMBER || this == HEX || this == BIT;
    }
}
