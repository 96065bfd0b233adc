package org.flannel.harness.reports.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flannel.harness.contracts.evidence.DecodedFrame;
import org.flannel.harness.contracts.evidence.HopTraceEvidence;
import org.flannel.harness.reports.drawing.HopTrace;
import org.flannel.harness.reports.evidence.KernelDump;

/**
 * What to look at in each of the seed's seven steps, in words filled with the values this run captured:
 * the MACs, VNI, port and addresses of the hops, and the lines of the sender's kernel tables that decide
 * them (its route, neighbour entry and FDB entry), from the same scenario.
 */
public final class FlowNarrative {
    private final HopTraceEvidence trace;
    private final Optional<KernelDump> sender;

    public FlowNarrative(HopTraceEvidence trace, Optional<KernelDump> sender) {
        this.trace = trace;
        this.sender = sender;
    }

    /** The node that encapsulates: the host of the first tunnel-device hop, or of the first encapsulated one. */
    public static Optional<String> senderNode(HopTraceEvidence trace) {
        return trace.hops().stream()
                .filter(h -> h.device().startsWith("flannel") || HopTrace.encapsulated(h))
                .findFirst()
                .map(HopTraceEvidence.Hop::host);
    }

    /** A paragraph, and the kernel's lines that go with it (may be empty). */
    public record Words(String text, String command, List<String> lines) {}

    public Words step(int step) {
        Optional<DecodedFrame> first = hop(0);
        Optional<DecodedFrame> tunnel = firstWhere(h -> h.device().startsWith("flannel") && !HopTrace.encapsulated(h));
        Optional<DecodedFrame> wire = firstWhere(HopTrace::encapsulated);
        String node = senderNode(trace).orElse("the sender");
        String destination = trace.destination();
        String vtepMac = tunnel.flatMap(f -> f.value("ethernet.destination")).orElse("?");
        return switch (step) {
            case 1 ->
                new Words(
                        trace.source() + " sends to its gateway, docker0 on " + node + " (Ethernet destination "
                                + first.flatMap(f -> f.value("ethernet.destination"))
                                        .orElse("?") + "). " + node
                                + "'s routing table sends " + destination + " into flannel.1:",
                        "ip route show",
                        lines("ip route show", l -> l.contains("flannel")));
            case 2 ->
                new Words(
                        "On flannel.1 the packet has been routed once: its TTL is "
                                + tunnel.flatMap(f -> f.value("ipv4.ttl")).orElse("?")
                                + ". flannel.1 is a VXLAN device: whatever the "
                                + "kernel sends through it is encapsulated before it leaves by eth0.",
                        "",
                        List.of());
            case 3 ->
                new Words(
                        "The route's next hop is the gateway, node2's flannel.1 address; its MAC comes from the "
                                + "neighbour entry flannel wrote: " + vtepMac
                                + ", node2's VTEP MAC. It is the destination of the "
                                + "Ethernet header seen on flannel.1, which becomes the inner Ethernet header on the wire:",
                        "ip neigh show",
                        lines("ip neigh show", l -> l.contains("dev flannel")));
            case 4 ->
                new Words(
                        "The VXLAN header: flags "
                                + wire.flatMap(f -> f.value("vxlan.flags")).orElse("?")
                                + " (only the I bit set) and VNI "
                                + wire.flatMap(f -> f.value("vxlan.vni")).orElse("?")
                                + ", the VNI of flannel.1.",
                        "",
                        List.of());
            case 5 ->
                new Words(
                        "The UDP header: destination port "
                                + wire.flatMap(f -> f.value("outer.udp.destination_port"))
                                        .orElse("?") + ", the port flannel gave flannel.1; the source port ("
                                + wire.flatMap(f -> f.value("outer.udp.source_port"))
                                        .orElse("?")
                                + ") is derived from the inner packet's flow.",
                        "",
                        List.of());
            case 6 ->
                new Words(
                        "The FDB maps " + vtepMac + " to "
                                + wire.flatMap(f -> f.value("outer.ipv4.destination"))
                                        .orElse("?")
                                + ", node2's address on the underlay: the outer IPv4 destination. The outer Ethernet header "
                                + "goes to node2's eth0 ("
                                + wire.flatMap(f -> f.value("outer.ethernet.destination"))
                                        .orElse("?") + "):",
                        "bridge fdb show",
                        lines("bridge fdb show", l -> l.contains("dev flannel") && l.contains(" dst ")));
            case 7 ->
                new Words(
                        "node2 receives a UDP datagram to its VXLAN port; its flannel.1 takes the outer headers off, "
                                + "node2 routes the pods' packet to docker0 (TTL "
                                + last().flatMap(f -> f.value("ipv4.ttl")).orElse("?")
                                + ") and on to " + destination + ".",
                        "",
                        List.of());
            default -> new Words("", "", List.of());
        };
    }

    private List<String> lines(String command, java.util.function.Predicate<String> filter) {
        return sender.map(dump -> dump.lines(command, filter)).orElse(List.of());
    }

    private Optional<DecodedFrame> hop(int index) {
        return index < trace.hops().size() ? trace.hops().get(index).frame() : Optional.empty();
    }

    private Optional<DecodedFrame> last() {
        List<HopTraceEvidence.Hop> hops = new ArrayList<>(trace.hops());
        return hops.isEmpty() ? Optional.empty() : hops.get(hops.size() - 1).frame();
    }

    private Optional<DecodedFrame> firstWhere(java.util.function.Predicate<HopTraceEvidence.Hop> test) {
        return trace.hops().stream().filter(test).findFirst().flatMap(HopTraceEvidence.Hop::frame);
    }
}
