package org.flannel.harness.steps;

import java.util.List;
import java.util.Optional;
import org.flannel.harness.wire.Frame;
import org.flannel.harness.wire.Layer;

/**
 * Finds ICMP echo packets in decoded frames by what they carry, whether bare or inside VXLAN: the
 * innermost IPv4 header is the packet the pods exchanged.
 */
final class EchoPackets {
    static final int ECHO_REPLY = 0;
    static final int ECHO_REQUEST = 8;

    private EchoPackets() {}

    /** "inner." for an encapsulated frame, "" for a bare one. */
    static String innermost(Frame frame) {
        return frame.isEncapsulated() ? "inner." : "";
    }

    static Optional<String> ipv4(Frame frame, String field) {
        return frame.value(innermost(frame) + "ipv4." + field);
    }

    static Optional<String> icmp(Frame frame, String field) {
        return frame.value(innermost(frame) + "icmp." + field);
    }

    static boolean isEcho(Frame frame, int type, String source, String destination) {
        return ipv4(frame, "source").filter(source::equals).isPresent()
                && ipv4(frame, "destination").filter(destination::equals).isPresent()
                && icmp(frame, "type").filter(Integer.toString(type)::equals).isPresent();
    }

    static Optional<Frame> first(List<Frame> frames, int type, String source, String destination) {
        return frames.stream().filter(f -> isEcho(f, type, source, destination)).findFirst();
    }

    /** The innermost IPv4 packet's bytes, as long as its total length says (no Ethernet padding). */
    static byte[] ipv4Packet(Frame frame) {
        String name = innermost(frame) + "ipv4";
        Layer layer =
                frame.layer(name).orElseThrow(() -> new AssertionError("no " + name + " header in " + frame.summary()));
        int length = Integer.parseInt(frame.value(name + ".total_length").orElseThrow());
        byte[] bytes = frame.bytes();
        if (layer.offset() + length > bytes.length) {
            throw new AssertionError("frame " + frame.summary() + " was cut before the end of its IPv4 packet");
        }
        return java.util.Arrays.copyOfRange(bytes, layer.offset(), layer.offset() + length);
    }

    /** The protocols of the frame's headers, outermost first: "ethernet ipv4 udp vxlan ethernet ipv4 icmp". */
    static String headers(Frame frame) {
        return String.join(" ", frame.layers().stream().map(Layer::protocol).toList());
    }
}
