package org.flannel.harness.expect;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flannel.harness.wire.Frame;
import org.flannel.harness.wire.Layer;

/**
 * What an ICMP error quotes. RFC 792: "Internet Header + 64 bits of Original Data Datagram", the bytes of the
 * datagram that caused it, as they were; the sender's kernel matches the quote's addresses, protocol and ports
 * against its sockets to hand the error to the one that sent the datagram. Judged byte for byte against the
 * datagram captured where the error was made, and exactly that long, as Flannel's udp proxy writes it.
 */
public final class IcmpQuote {

    private static final String[] HEADER_BYTES = {
        "version/ihl",
        "dscp/ecn",
        "total_length",
        "total_length",
        "identification",
        "identification",
        "flags/fragment_offset",
        "fragment_offset",
        "ttl",
        "protocol",
        "header_checksum",
        "header_checksum",
        "source",
        "source",
        "source",
        "source",
        "destination",
        "destination",
        "destination",
        "destination"
    };

    private IcmpQuote() {}

    /**
     * The ICMP error quoting a datagram to {@code destination} quotes the first such datagram (not ICMP) of the
     * same capture: its IPv4 header and the first 8 bytes of its payload, nothing changed, nothing more.
     */
    public static CaptureVerdict quotesTheDatagram(List<Frame> frames, String destination) {
        Optional<Frame> offender = frames.stream()
                .filter(frame -> !frame.isEncapsulated()
                        && frame.value("ipv4.destination")
                                .filter(destination::equals)
                                .isPresent()
                        && !frame.value("ipv4.protocol").filter("1"::equals).isPresent())
                .findFirst();
        Optional<Frame> error = frames.stream()
                .filter(frame -> !frame.isEncapsulated()
                        && frame.value("quoted.ipv4.destination")
                                .filter(destination::equals)
                                .isPresent())
                .findFirst();
        if (offender.isEmpty() || error.isEmpty()) {
            return new CaptureVerdict(
                    false,
                    "among the " + frames.size() + " frames captured: "
                            + offender.map(frame -> "the datagram is " + frame.summary())
                                    .orElse("no datagram to " + destination)
                            + ", "
                            + error.map(frame -> "the ICMP error is " + frame.summary())
                                    .orElse("no ICMP error quoting a datagram to " + destination));
        }
        byte[] sent = frameBytes(offender.get(), "ipv4");
        int headerLength = (sent[0] & 0x0f) * 4;
        byte[] expected = Arrays.copyOf(sent, Math.min(sent.length, headerLength + 8));
        byte[] quoted = quotedBytes(error.get());
        StringBuilder report = new StringBuilder();
        report.append("the ICMP error ")
                .append(error.get().summary())
                .append(" (type ")
                .append(error.get().value("icmp.type").orElse("?"))
                .append(" code ")
                .append(error.get().value("icmp.code").orElse("?"))
                .append(") quotes ")
                .append(quoted.length)
                .append(" bytes; the datagram ")
                .append(offender.get().summary())
                .append(" begins with ")
                .append(expected.length)
                .append(" bytes of IPv4 header (")
                .append(headerLength)
                .append(") and first 8 of payload\n");
        boolean ok = quoted.length == expected.length;
        if (!ok) {
            report.append("  ✗ length: ")
                    .append(quoted.length)
                    .append(" quoted, ")
                    .append(expected.length)
                    .append(" expected\n");
        }
        for (int i = 0; i < Math.min(quoted.length, expected.length); i++) {
            if (quoted[i] != expected[i]) {
                ok = false;
                report.append(String.format(
                        "  ✗ byte %d (%s): 0x%02x quoted, 0x%02x in the datagram%n",
                        i,
                        i < HEADER_BYTES.length
                                ? "ipv4 " + HEADER_BYTES[i]
                                : i < headerLength ? "ipv4 options" : "payload byte " + (i - headerLength),
                        quoted[i] & 0xff,
                        expected[i] & 0xff));
            }
        }
        if (ok) {
            report.append("  ✓ byte for byte\n");
        }
        return new CaptureVerdict(ok, report.toString());
    }

    /** The IPv4 packet of a bare frame, as long as its total length says. */
    private static byte[] frameBytes(Frame frame, String layerName) {
        Layer layer = frame.layer(layerName).orElseThrow();
        byte[] bytes = frame.bytes();
        int length = Integer.parseInt(frame.value(layerName + ".total_length").orElse("0"));
        return Arrays.copyOfRange(bytes, layer.offset(), Math.min(bytes.length, layer.offset() + length));
    }

    /** From the quoted IPv4 header to the end of the ICMP error's own IPv4 packet. */
    private static byte[] quotedBytes(Frame error) {
        byte[] packet = frameBytes(error, "ipv4");
        int start = error.layer("quoted.ipv4").orElseThrow().offset()
                - error.layer("ipv4").orElseThrow().offset();
        return Arrays.copyOfRange(packet, start, packet.length);
    }
}
