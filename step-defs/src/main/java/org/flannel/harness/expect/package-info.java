/**
 * Expectations on captured frames, written as Gherkin rows {@code | layer | field | expected |}, and the diffs
 * that explain a failure field by field.
 *
 * <p>From a step:
 * <pre>{@code
 * List<Frame> frames = PcapReader.read(capture.stop(), vxlanPort);
 * List<ExpectationRow> rows = ExpectationRow.fromCells(dataTable.cells());
 * FrameMatcher matcher = new FrameMatcher(world.symbols());
 * MatchResult result = matcher.match(frames, rows);
 * scenario.attach(result.report(), "text/plain", "frame diff");
 * result.assertFound();                                   // AssertionError carrying the diff table
 *
 * matcher.expectNone(frames, rows).assertNone();          // "no frame matching": report() says how many
 *                                                         // frames the capture point saw in total
 * matcher.withReference(sentFrame).match(frames, rows);   // rows using "decremented by 1" or "as sent"
 * }</pre>
 *
 * <p>Expected values: a literal ({@code 64}, {@code 0x0800}, {@code 10.1.16.3}, {@code 5e:f8:4f:00:e3:37},
 * {@code absent}, {@code set}, anything in quotes); a symbol resolved through {@link
 * org.flannel.harness.expect.Symbols} ({@code node2.vtep.mac}); or a rule: {@code any}, {@code valid},
 * {@code zero or valid}, {@code in 32768..61000}, {@code decremented by 1}, {@code as sent}. Fields the table does
 * not name are still judged by the protocol rules computed from the bytes.
 *
 * <p>{@code decremented by N} and {@code as sent} compare with a reference frame, the packet as the pod sent it
 * (the step says where: "compared with the echo request sent on container-1:eth0"): the same field, found with
 * or without its {@code outer.}/{@code inner.} prefix, less N, or unchanged. {@code as sent} is for what a
 * forwarding node must leave alone: the pod's DF flag and identification (host-gw, the packet inside VXLAN).
 *
 * <p>What the tables say of the outer IPv4 header, per backend, and why (Linux decides both fields, not
 * flanneld's code; both Flannel's flanneld and the reference were captured):
 * <ul>
 * <li>vxlan: {@code flags.df | 0}. Flannel creates the device without {@code IFLA_VXLAN_DF}, so it keeps the
 * kernel's default {@code df unset} and the outer header may be fragmented. Its identification is then
 * judged across frames (no two fragmentable headers from one node to another share one:
 * {@link org.flannel.harness.expect.OuterIdentification}), not in a table: any single value is fine.
 * <li>udp: {@code flags.df | 1}. The datagram leaves an ordinary UDP socket, and Linux sets DF on what fits
 * the path MTU (path MTU discovery, on by default); neither implementation changes it. The identification of
 * such an atomic datagram means nothing (RFC 6864 §4.1): Linux fills it from its hashed per-destination counter
 * in this socket mode (both implementations: a different value in every datagram), and with 0 on a socket set to
 * {@code IP_PMTUDISC_DO}; either is right, so the table says {@code any}.
 * <li>host-gw: no outer header; the pod's packet is forwarded: {@code flags.df | as sent},
 * {@code identification | as sent}.
 * </ul>
 *
 * <p>Some rules are about a whole capture rather than one frame: every copy of a packet
 * ({@link org.flannel.harness.expect.PacketCopies}), the outer UDP source port as a flow hash
 * ({@link org.flannel.harness.expect.FlowHash}), the identification of fragmentable outer headers
 * ({@link org.flannel.harness.expect.OuterIdentification}), an ICMP error's quote
 * ({@link org.flannel.harness.expect.IcmpQuote}). They give a {@link org.flannel.harness.expect.CaptureVerdict}.
 */
package org.flannel.harness.expect;
