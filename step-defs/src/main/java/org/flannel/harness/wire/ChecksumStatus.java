package org.flannel.harness.wire;

/** What recomputing a checksum from the captured bytes said. */
public enum ChecksumStatus {
    /** The checksum matches the bytes. */
    GOOD,
    /** The checksum does not match the bytes. */
    BAD,
    /** The sender did not compute one (UDP over IPv4 allows a zero checksum). */
    ZERO,
    /** Some of the covered bytes were not captured (snaplen) or belong to other fragments. */
    UNVERIFIABLE
}
