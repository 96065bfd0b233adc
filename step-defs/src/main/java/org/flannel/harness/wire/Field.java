package org.flannel.harness.wire;

/**
 * One decoded header field.
 *
 * @param name      full name, layer included: {@code outer.ipv4.ttl}, {@code vxlan.vni}
 * @param value     the value as a person reads it: {@code 64}, {@code 0x1c46}, {@code 5e:f8:4f:00:e3:37}
 * @param number    the value as an unsigned number (MACs and IPv4 addresses too); -1 for bytes, IPv6 and
 *                  truncated fields
 * @param kind      how the value prints and compares
 * @param offset    byte offset of the field's first bit from the start of the frame
 * @param bitOffset bit offset inside that byte, counted from the most significant bit (0 for byte-aligned fields)
 * @param bitWidth  width in bits (0 for an absent optional part)
 */
public record Field(String name, String value, long number, FieldKind kind, int offset, int bitOffset, int bitWidth) {

    /** The text shown for a field whose bytes were not captured. */
    public static final String TRUNCATED_VALUE = "(truncated)";

    public boolean isTruncated() {
        return kind == FieldKind.TRUNCATED;
    }

    /** How many bytes the field touches: a 4-bit field inside one byte touches 1. */
    public int byteSpan() {
        return (bitOffset + bitWidth + 7) / 8;
    }

    /** The layer part of the name: {@code outer.ipv4} for {@code outer.ipv4.flags.df}. */
    public String layerName() {
        return Layer.layerOf(name);
    }
}
