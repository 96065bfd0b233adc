package org.flannel.harness.wire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One captured frame: its raw bytes, every decoded field by name, and the protocol rules computed from the
 * bytes. Immutable.
 */
public final class Frame {

    private final int index;
    private final Instant timestamp;
    private final int linkType;
    private final int originalLength;
    private final byte[] bytes;
    private final List<Layer> layers;
    private final Map<String, Field> fields;
    private final List<RuleCheck> checks;
    private final Map<String, ChecksumStatus> checksums;

    Frame(
            int index,
            Instant timestamp,
            int linkType,
            int originalLength,
            byte[] bytes,
            List<Layer> layers,
            List<RuleCheck> checks,
            Map<String, ChecksumStatus> checksums) {
        this.index = index;
        this.timestamp = timestamp;
        this.linkType = linkType;
        this.originalLength = originalLength;
        this.bytes = bytes.clone();
        this.layers = List.copyOf(layers);
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Layer layer : layers) {
            for (Field field : layer.fields()) {
                byName.put(field.name(), field);
            }
        }
        this.fields = Collections.unmodifiableMap(byName);
        this.checks = List.copyOf(checks);
        this.checksums = Collections.unmodifiableMap(new LinkedHashMap<>(checksums));
    }

    /** Position in the capture, from 0 (tshark numbers the same frame {@code index + 1}). */
    public int index() {
        return index;
    }

    /** The number tshark and Wireshark show for this frame. */
    public int number() {
        return index + 1;
    }

    public Instant timestamp() {
        return timestamp;
    }

    /** The pcap data link type as libpcap reports it: 1 Ethernet, 12/101 raw IP, 113 Linux cooked. */
    public int linkType() {
        return linkType;
    }

    /** The raw captured bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int capturedLength() {
        return bytes.length;
    }

    /** The frame's length on the wire; more than {@link #capturedLength()} when the snaplen cut it. */
    public int originalLength() {
        return originalLength;
    }

    public boolean isTruncated() {
        return bytes.length < originalLength;
    }

    public List<Layer> layers() {
        return layers;
    }

    public Optional<Layer> layer(String name) {
        return layers.stream().filter(layer -> layer.name().equals(name)).findFirst();
    }

    /** Every field in wire order, by full name. */
    public Map<String, Field> fields() {
        return fields;
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The printed value of a field, empty when the frame has no such field. */
    public Optional<String> value(String name) {
        return field(name).map(Field::value);
    }

    /** True when this frame carries another frame (VXLAN, or IP in UDP): its fields are outer.* and inner.*. */
    public boolean isEncapsulated() {
        return layers.stream().anyMatch(layer -> layer.name().startsWith("inner."));
    }

    /** Every protocol rule computed from the bytes, in wire order. */
    public List<RuleCheck> checks() {
        return checks;
    }

    public List<RuleCheck> checksFor(String fieldName) {
        List<RuleCheck> result = new ArrayList<>();
        for (RuleCheck check : checks) {
            if (check.field().equals(fieldName)) {
                result.add(check);
            }
        }
        return result;
    }

    public List<RuleCheck> violations() {
        return checks.stream().filter(RuleCheck::failed).toList();
    }

    /** Status of every checksum field of the frame, by full field name. */
    public Map<String, ChecksumStatus> checksums() {
        return checksums;
    }

    public Optional<ChecksumStatus> checksumStatus(String fieldName) {
        return Optional.ofNullable(checksums.get(fieldName));
    }

    /** One line: number, length, and the innermost addresses and protocol. */
    public String summary() {
        return FrameRenderer.summary(this);
    }

    /** One line per field: name, value, offset, width; then the rule checks. */
    public String render() {
        return FrameRenderer.render(this);
    }

    @Override
    public String toString() {
        return summary();
    }
}
