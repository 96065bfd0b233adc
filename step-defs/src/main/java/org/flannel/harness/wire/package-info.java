/**
 * The wire model: frames read from a pcap (through libpcap, {@link org.flannel.harness.wire.PcapReader}) and
 * decoded byte by byte into named fields with exact offsets and bit widths, plus the protocol rules computed from
 * the bytes (checksums, lengths, reserved bits).
 *
 * <p>Field names are {@code <layer>.<field>}. The layer prefix is decided by the decoder: when the frame carries
 * another frame (VXLAN on its configured UDP ports, or a bare IP packet on Flannel's udp-backend port 8285) the
 * layers are {@code outer.ethernet}, {@code outer.ipv4}, {@code outer.udp}, {@code vxlan}, {@code inner.ethernet},
 * {@code inner.ipv4}, {@code inner.icmp}/{@code inner.udp}/{@code inner.tcp}; otherwise (host-gw, a capture on
 * flannel.1 or docker0) just {@code ethernet}, {@code ipv4}, {@code icmp}; a raw-IP capture (TUN) starts at
 * {@code ipv4}. What an ICMP error quotes is {@code [outer.|inner.]quoted.ipv4} and {@code ...quoted.udp}.
 * {@link org.flannel.harness.wire.FieldCatalog} lists every field of every protocol.
 *
 * <p>Decoding never throws on short or malformed bytes: a field whose bytes were not captured is kept with the
 * value {@code (truncated)} and a checksum it would need is {@code UNVERIFIABLE}.
 */
package org.flannel.harness.wire;
