package org.flannel.harness.expect;

import java.util.List;
import java.util.Optional;
import org.flannel.harness.wire.Frame;

/**
 * Every frame of a capture that carries one packet the pods exchanged, bare or encapsulated: "a frame matches"
 * is satisfied by one good copy, this judges all of them. A packet is told by its innermost IPv4 source and
 * destination and its ICMP type (the features send one echo request at a time).
 *
 * <pre>{@code
 * PacketCopies.echo(frames, "10.1.15.2", "10.1.16.3", 8).every(Carriage.ENCAPSULATED, 1).assertOk();
 * }</pre>
 */
public final class PacketCopies {

    /** How the packet must travel: inside another header (VXLAN, Flannel's UDP) or as it is. */
    public enum Carriage {
        ENCAPSULATED("encapsulated"),
        BARE("bare");

        private final String word;

        Carriage(String word) {
            this.word = word;
        }

        public static Carriage of(String word) {
            for (Carriage carriage : values()) {
                if (carriage.word.equals(word)) {
                    return carriage;
                }
            }
            throw new IllegalArgumentException("'" + word + "': write encapsulated or bare");
        }

        boolean holds(Frame frame) {
            return frame.isEncapsulated() == (this == ENCAPSULATED);
        }

        @Override
        public String toString() {
            return word;
        }
    }

    private final List<Frame> frames;
    private final List<Frame> copies;
    private final String description;

    private PacketCopies(List<Frame> frames, List<Frame> copies, String description) {
        this.frames = List.copyOf(frames);
        this.copies = List.copyOf(copies);
        this.description = description;
    }

    /** The frames carrying an ICMP message of {@code type} from {@code source} to {@code destination}. */
    public static PacketCopies echo(List<Frame> frames, String source, String destination, int type) {
        List<Frame> copies = frames.stream()
                .filter(frame -> carries(frame, source, destination, type))
                .toList();
        return new PacketCopies(frames, copies, "ICMP type " + type + " " + source + " > " + destination);
    }

    public List<Frame> copies() {
        return copies;
    }

    /**
     * Exactly {@code count} frames carry the packet, and every one the way {@code carriage} says: a bare copy
     * beside the encapsulated one, or a second encapsulated copy, fails.
     */
    public CaptureVerdict every(Carriage carriage, int count) {
        List<Frame> wrong =
                copies.stream().filter(frame -> !carriage.holds(frame)).toList();
        boolean ok = wrong.isEmpty() && copies.size() == count;
        StringBuilder report = new StringBuilder();
        report.append(copies.size())
                .append(" of the ")
                .append(frames.size())
                .append(" frames captured carry the ")
                .append(description)
                .append("; expected exactly ")
                .append(count)
                .append(", every one ")
                .append(carriage)
                .append(ok ? ": it holds" : "")
                .append('\n');
        for (Frame frame : copies) {
            report.append("  ")
                    .append(carriage.holds(frame) ? "✓" : "✗")
                    .append(' ')
                    .append(describe(frame))
                    .append('\n');
        }
        if (copies.size() > count) {
            report.append("  ✗ ").append(copies.size() - count).append(" copie(s) more than sent\n");
        }
        return new CaptureVerdict(ok, report.toString());
    }

    private static String describe(Frame frame) {
        if (!frame.isEncapsulated()) {
            return frame.summary() + ": bare";
        }
        return frame.summary() + ": encapsulated, outer UDP "
                + frame.value("outer.udp.source_port").orElse("?") + " > "
                + frame.value("outer.udp.destination_port").orElse("?");
    }

    static boolean carries(Frame frame, String source, String destination, int type) {
        String prefix = frame.isEncapsulated() ? "inner." : "";
        return value(frame, prefix + "ipv4.source").filter(source::equals).isPresent()
                && value(frame, prefix + "ipv4.destination")
                        .filter(destination::equals)
                        .isPresent()
                && value(frame, prefix + "icmp.type")
                        .filter(Integer.toString(type)::equals)
                        .isPresent();
    }

    private static Optional<String> value(Frame frame, String name) {
        return frame.value(name);
    }
}
