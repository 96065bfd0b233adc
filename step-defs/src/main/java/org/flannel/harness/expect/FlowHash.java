package org.flannel.harness.expect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flannel.harness.wire.Frame;

/**
 * The outer UDP source port of encapsulated frames as a hash of the inner flow (RFC 7348 §5: "it is recommended
 * that the UDP source port number be calculated using a hash of fields from the inner packet"; Linux's VXLAN
 * device does it with {@code udp_flow_src_port}). Two rules, over the TCP and UDP flows a capture carries:
 * every frame of one flow leaves with one source port, so the underlay keeps the flow on one path and in order;
 * and several flows between the same two pods do not all share one port, so the underlay can spread them
 * (ECMP, RSS).
 *
 * <p>A flow is the inner five-tuple, in one direction, as encapsulated by one node (outer source and
 * destination). Only TCP and UDP flows are judged: their ports are what the hash reads; an ICMP message has no
 * five-tuple to compare with.
 */
public final class FlowHash {

    /** One inner flow as one node encapsulates it. */
    record Flow(
            String outerSource,
            String outerDestination,
            String innerSource,
            String innerDestination,
            String protocol,
            String sourcePort,
            String destinationPort) {

        @Override
        public String toString() {
            return ("6".equals(protocol) ? "TCP " : "UDP ") + innerSource + ":" + sourcePort + " > " + innerDestination
                    + ":" + destinationPort + " (outer " + outerSource + " > " + outerDestination + ")";
        }
    }

    private final Map<Flow, List<Frame>> flows;

    private FlowHash(Map<Flow, List<Frame>> flows) {
        this.flows = flows;
    }

    /** Groups the encapsulated TCP and UDP frames of a capture by inner flow. */
    public static FlowHash of(List<Frame> frames) {
        Map<Flow, List<Frame>> flows = new LinkedHashMap<>();
        for (Frame frame : frames) {
            flow(frame).ifPresent(flow -> flows.computeIfAbsent(flow, key -> new ArrayList<>())
                    .add(frame));
        }
        return new FlowHash(flows);
    }

    /** Every frame of one flow carries the same outer UDP source port. */
    public CaptureVerdict samePortWithinEachFlow() {
        StringBuilder report = new StringBuilder();
        boolean ok = !flows.isEmpty();
        report.append(flows.size())
                .append(" encapsulated TCP/UDP flow(s) captured; every frame of one flow must"
                        + " carry one outer UDP source port\n");
        for (Map.Entry<Flow, List<Frame>> entry : flows.entrySet()) {
            Set<String> ports = ports(entry.getValue());
            boolean constant = ports.size() == 1;
            ok &= constant;
            report.append("  ")
                    .append(constant ? "✓ " : "✗ ")
                    .append(entry.getKey())
                    .append(": ")
                    .append(entry.getValue().size())
                    .append(" frame(s), outer source port ")
                    .append(String.join(", ", ports))
                    .append(framesOf(entry.getValue()))
                    .append('\n');
        }
        if (flows.isEmpty()) {
            report.append("  ✗ no encapsulated TCP or UDP frame at all: nothing to judge\n");
        }
        return new CaptureVerdict(ok, report.toString());
    }

    /**
     * At least {@code count} UDP flows from {@code innerSource} to {@code innerDestination}, and their outer
     * source ports differ: a hash over 28 232 ports (Linux's default 32768..60999) may give two of them the
     * same port (about one run in a thousand for 8 flows), so one shared pair is tolerated, never more. A
     * constant port, or one computed from the addresses alone, gives all of them one port.
     */
    public CaptureVerdict portsDifferAcross(int count, String innerSource, String innerDestination) {
        Map<Flow, List<Frame>> selected = new LinkedHashMap<>();
        flows.forEach((flow, frames) -> {
            if (flow.protocol().equals("17")
                    && flow.innerSource().equals(innerSource)
                    && flow.innerDestination().equals(innerDestination)) {
                selected.put(flow, frames);
            }
        });
        Set<String> distinct = new LinkedHashSet<>();
        selected.values()
                .forEach(frames -> distinct.add(
                        frames.get(0).value("outer.udp.source_port").orElse("?")));
        boolean enough = selected.size() >= count;
        int wanted = Math.max(selected.size() - 1, 1);
        boolean ok = enough && distinct.size() >= wanted && (count < 2 || distinct.size() >= 2);
        StringBuilder report = new StringBuilder();
        report.append(selected.size())
                .append(" UDP flow(s) from ")
                .append(innerSource)
                .append(" to ")
                .append(innerDestination)
                .append(" (at least ")
                .append(count)
                .append(" expected) take ")
                .append(distinct.size())
                .append(" outer source port(s): ")
                .append(String.join(", ", distinct))
                .append("; at least ")
                .append(wanted)
                .append(" different expected (one hash collision allowed)")
                .append('\n');
        selected.forEach((flow, frames) -> report.append("  ")
                .append(flow)
                .append(": outer source port ")
                .append(String.join(", ", ports(frames)))
                .append('\n'));
        return new CaptureVerdict(ok, report.toString());
    }

    private static Set<String> ports(List<Frame> frames) {
        Set<String> ports = new LinkedHashSet<>();
        frames.forEach(frame -> ports.add(frame.value("outer.udp.source_port").orElse("?")));
        return ports;
    }

    private static String framesOf(List<Frame> frames) {
        List<String> numbers =
                frames.stream().map(frame -> "#" + frame.number()).toList();
        return " (frames " + String.join(" ", numbers) + ")";
    }

    private static Optional<Flow> flow(Frame frame) {
        if (!frame.isEncapsulated() || frame.value("outer.udp.source_port").isEmpty()) {
            return Optional.empty();
        }
        Optional<String> protocol = frame.value("inner.ipv4.protocol");
        if (protocol.isEmpty() || !(protocol.get().equals("6") || protocol.get().equals("17"))) {
            return Optional.empty();
        }
        String transport = protocol.get().equals("6") ? "inner.tcp." : "inner.udp.";
        Optional<String> sourcePort = frame.value(transport + "source_port");
        Optional<String> destinationPort = frame.value(transport + "destination_port");
        if (sourcePort.isEmpty() || destinationPort.isEmpty()) {
            return Optional.empty(); // a later fragment, or a cut frame: no five-tuple
        }
        return Optional.of(new Flow(
                frame.value("outer.ipv4.source").orElse("?"),
                frame.value("outer.ipv4.destination").orElse("?"),
                frame.value("inner.ipv4.source").orElse("?"),
                frame.value("inner.ipv4.destination").orElse("?"),
                protocol.get(),
                sourcePort.get(),
                destinationPort.get()));
    }
}
