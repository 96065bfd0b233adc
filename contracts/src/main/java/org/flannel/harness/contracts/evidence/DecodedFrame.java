package org.flannel.harness.contracts.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A captured frame as the harness decoded it (step-defs' wire package): its bytes, its headers and their
 * fields, each with its offset, width and verdict, and the protocol rules computed from the bytes.
 *
 * @param number         its number in its capture, from 1
 * @param timestamp      when it was captured (an ISO instant)
 * @param linkType       the capture's link type (1 Ethernet, 113 Linux cooked, 101 raw IP)
 * @param capturedLength the bytes captured
 * @param originalLength the bytes it had on the wire
 * @param hexBytes       the bytes captured, in hex ({@code bytes} in the JSON); {@link #bytes()} decodes them
 * @param layers         its headers, outermost first
 * @param rules          the protocol rules computed from its bytes
 */
public record DecodedFrame(
        int number,
        String timestamp,
        int linkType,
        String linkTypeName,
        int capturedLength,
        int originalLength,
        String summary,
        @JsonProperty("bytes") String hexBytes,
        List<Layer> layers,
        List<RuleResult> rules) {

    /**
     * A field of a header.
     *
     * @param name      full name: {@code outer.ipv4.ttl}
     * @param kind      how its value is written (the wire model's field kinds: NUMBER, HEX, MAC, IPV4, BIT ...)
     * @param offset    its first byte in the frame
     * @param bitOffset its first bit in that byte, from the most significant
     * @param expected  what it was judged against ("" when nothing judged it)
     * @param judgedBy  what judged it (none when nothing did)
     */
    public record Field(
            String name,
            String value,
            String kind,
            int offset,
            int bitOffset,
            int bitWidth,
            FieldVerdict verdict,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) String expected,
            Optional<JudgedBy> judgedBy) {

        public Field {
            verdict = verdict == null ? FieldVerdict.UNCHECKED : verdict;
            expected = expected == null ? "" : expected;
            judgedBy = judgedBy == null ? Optional.empty() : judgedBy;
        }

        /** The field's name inside its layer: {@code ttl} for {@code outer.ipv4.ttl}. */
        public String shortName(String layerName) {
            return name.startsWith(layerName + ".") ? name.substring(layerName.length() + 1) : name;
        }

        /** First bit, counted from the start of the frame. */
        public int startBit() {
            return offset * 8 + bitOffset;
        }

        public int endBit() {
            return startBit() + bitWidth;
        }

        /** Whether the other field lies within this one (a flags word and its bits). */
        public boolean contains(Field other) {
            return other != this
                    && startBit() <= other.startBit()
                    && other.endBit() <= endBit()
                    && other.bitWidth < bitWidth;
        }

        public boolean failed() {
            return verdict == FieldVerdict.FAILED;
        }

        /** The same field judged otherwise. */
        public Field judged(FieldVerdict newVerdict, String newExpected, JudgedBy by) {
            return new Field(name, value, kind, offset, bitOffset, bitWidth, newVerdict, newExpected, Optional.of(by));
        }
    }

    /** A header: {@code outer.ipv4} (protocol {@code ipv4}) from byte {@code offset} on. */
    public record Layer(String name, String protocol, int offset, List<Field> fields) {
        public Layer {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }

        public Optional<Field> field(String shortName) {
            return fields.stream()
                    .filter(f -> f.name().equals(name + "." + shortName))
                    .findFirst();
        }

        /** The byte after the last field: the header's end. */
        public int headerEnd() {
            return fields.stream().mapToInt(f -> (f.endBit() + 7) / 8).max().orElse(offset);
        }

        public boolean inner() {
            return name.startsWith("inner.");
        }
    }

    /**
     * A protocol rule computed from the bytes.
     *
     * @param field    the field it is about: {@code outer.udp.checksum}
     * @param rule     the rule in a few words: {@code valid}, {@code zero or valid}, {@code consistent}
     * @param expected what it wants: {@code 0x1c46 (computed)}
     */
    public record RuleResult(String field, String rule, String expected, String actual, RuleVerdict verdict) {}

    public DecodedFrame {
        hexBytes = hexBytes == null ? "" : hexBytes;
        layers = layers == null ? List.of() : List.copyOf(layers);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The bytes captured (none when the hex does not parse). */
    public byte[] bytes() {
        try {
            return HexFormat.of().parseHex(hexBytes);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    public Optional<Layer> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public Optional<String> value(String fieldName) {
        return layers.stream()
                .flatMap(l -> l.fields().stream())
                .filter(f -> f.name().equals(fieldName))
                .map(Field::value)
                .findFirst();
    }

    /** The protocols of the headers, outermost first: {@code ethernet ipv4 udp vxlan ethernet ipv4 icmp}. */
    public List<String> protocols() {
        return layers.stream()
                .filter(l -> !l.name().contains("quoted."))
                .map(Layer::protocol)
                .toList();
    }

    /** Whether it carries another frame (VXLAN: inner.* layers). */
    public boolean encapsulated() {
        return layers.stream().anyMatch(Layer::inner);
    }

    /** The bits {@code [startBit, startBit + width)} as 0s and 1s (width at most 64), or "" if not captured. */
    public String bits(int startBit, int width) {
        byte[] bytes = bytes();
        StringBuilder text = new StringBuilder();
        for (int bit = startBit; bit < startBit + width; bit++) {
            int index = bit / 8;
            if (index >= bytes.length) {
                return "";
            }
            text.append((bytes[index] >> (7 - bit % 8)) & 1);
        }
        return text.toString();
    }

    /** Bytes {@code [from, to)} as hex pairs separated by spaces ("" past the capture). */
    public String hex(int from, int to) {
        byte[] bytes = bytes();
        StringBuilder text = new StringBuilder();
        for (int i = Math.max(0, from); i < Math.min(to, bytes.length); i++) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(String.format("%02x", bytes[i] & 0xff));
        }
        return text.toString();
    }

    /** The same frame with other layers (e.g. some fields judged otherwise). */
    public DecodedFrame withLayers(List<Layer> newLayers) {
        return new DecodedFrame(
                number,
                timestamp,
                linkType,
                linkTypeName,
                capturedLength,
                originalLength,
                summary,
                hexBytes,
                newLayers,
                rules);
    }
}
