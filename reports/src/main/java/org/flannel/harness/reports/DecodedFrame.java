package org.flannel.harness.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A captured frame as the harness decoded it (step-defs' wire package) and attached it as JSON: its bytes,
 * its headers and their fields, each with its offset, width and verdict.
 */
public record DecodedFrame(int number, String summary, int linkType, String linkTypeName, int capturedLength,
        int originalLength, byte[] bytes, List<Layer> layers) {

    /** Where a field's verdict came from; "unchecked" when nothing judged it. */
    public record Field(String name, String value, String kind, int offset, int bitOffset, int bitWidth,
            String verdict, String expected) {

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

        public boolean contains(Field other) {
            return other != this && startBit() <= other.startBit() && other.endBit() <= endBit()
                    && other.bitWidth < bitWidth;
        }

        public boolean failed() {
            return verdict.equals("failed");
        }
    }

    public record Layer(String name, String protocol, int offset, List<Field> fields) {
        public Layer {
            fields = List.copyOf(fields);
        }

        public Optional<Field> field(String shortName) {
            return fields.stream().filter(f -> f.name().equals(name + "." + shortName)).findFirst();
        }

        /** The byte after the last field: the header's end. */
        public int headerEnd() {
            return fields.stream().mapToInt(f -> (f.endBit() + 7) / 8).max().orElse(offset);
        }

        public boolean isInner() {
            return name.startsWith("inner.");
        }
    }

    public DecodedFrame {
        bytes = bytes.clone();
        layers = List.copyOf(layers);
    }

    public static DecodedFrame parse(JsonNode json) {
        List<Layer> layers = new ArrayList<>();
        for (JsonNode layer : json.path("layers")) {
            List<Field> fields = new ArrayList<>();
            for (JsonNode f : layer.path("fields")) {
                fields.add(new Field(f.path("name").asText(), f.path("value").asText(), f.path("kind").asText(),
                        f.path("offset").asInt(), f.path("bitOffset").asInt(), f.path("bitWidth").asInt(),
                        f.path("verdict").asText("unchecked"), f.path("expected").asText("")));
            }
            layers.add(new Layer(layer.path("name").asText(), layer.path("protocol").asText(),
                    layer.path("offset").asInt(), fields));
        }
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(json.path("bytes").asText(""));
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        return new DecodedFrame(json.path("number").asInt(), json.path("summary").asText(),
                json.path("linkType").asInt(), json.path("linkTypeName").asText(""),
                json.path("capturedLength").asInt(bytes.length), json.path("originalLength").asInt(bytes.length), bytes,
                layers);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public Optional<Layer> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public Optional<String> value(String fieldName) {
        return layers.stream().flatMap(l -> l.fields().stream()).filter(f -> f.name().equals(fieldName))
                .map(Field::value).findFirst();
    }

    /** The protocols of the headers, outermost first: {@code ethernet ipv4 udp vxlan ethernet ipv4 icmp}. */
    public List<String> protocols() {
        return layers.stream().filter(l -> !l.name().contains("quoted.")).map(Layer::protocol).toList();
    }

    public boolean isEncapsulated() {
        return layers.stream().anyMatch(Layer::isInner);
    }

    /** The bits {@code [startBit, startBit + width)} as 0s and 1s (width at most 64), or "" if not captured. */
    public String bits(int startBit, int width) {
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
        StringBuilder text = new StringBuilder();
        for (int i = Math.max(0, from); i < Math.min(to, bytes.length); i++) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(String.format("%02x", bytes[i] & 0xff));
        }
        return text.toString();
    }

    /** The same frame with some fields judged: field name → {verdict, expected}. */
    public DecodedFrame withVerdicts(java.util.Map<String, String[]> verdicts) {
        List<Layer> judged = new ArrayList<>();
        for (Layer layer : layers) {
            List<Field> fields = new ArrayList<>();
            for (Field f : layer.fields()) {
                String[] v = verdicts.get(f.name());
                fields.add(v == null ? f : new Field(f.name(), f.value(), f.kind(), f.offset(), f.bitOffset(), f.bitWidth(),
                        v[0], v[1]));
            }
            judged.add(new Layer(layer.name(), layer.protocol(), layer.offset(), fields));
        }
        return new DecodedFrame(number, summary, linkType, linkTypeName, capturedLength, originalLength, bytes, judged);
    }
}
