package org.flannel.harness.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A header being decoded: fields and rule checks named relative to the layer, because whether the layer is
 * {@code outer.} or {@code inner.} is only known once the whole frame has been decoded.
 */
final class LayerDraft {

    final String protocol;
    final int start;
    /** 0 before the encapsulation boundary, 1 after it. */
    final int depth;
    /** Part of the original datagram quoted by an ICMP error. */
    final boolean quoted;

    final List<Field> fields = new ArrayList<>();
    final List<RuleCheck> checks = new ArrayList<>();
    final Map<String, ChecksumStatus> checksums = new LinkedHashMap<>();

    private final byte[] bytes;
    /** First byte this header may not read: the end of the capture or of the enclosing region. */
    private final int limit;

    private final String missingText;

    LayerDraft(DecodeContext context, String protocol, int start, int regionEnd) {
        this.protocol = protocol;
        this.start = start;
        this.depth = context.depth();
        this.quoted = context.isQuoting();
        this.bytes = context.bytes();
        this.limit = Math.min(regionEnd, bytes.length);
        this.missingText = context.isTruncated() ? Field.TRUNCATED_VALUE : "(missing)";
    }

    /** True when the bytes from {@code offset} for {@code length} bytes were captured inside this header's region. */
    boolean has(int offset, int length) {
        return offset >= 0 && offset + length <= limit;
    }

    int limit() {
        return limit;
    }

    /** Adds a numeric field; returns its value, or -1 when the bytes were not captured. */
    long number(String name, int offset, int bitOffset, int width, FieldKind kind) {
        int span = (bitOffset + width + 7) / 8;
        if (!has(offset, span)) {
            truncated(name, offset, bitOffset, width);
            return -1;
        }
        long value = Values.bits(bytes, offset, bitOffset, width);
        String text =
                switch (kind) {
                    case HEX -> Values.hex(value, width);
                    default -> Long.toString(value);
                };
        fields.add(new Field(name, text, value, kind, offset, bitOffset, width));
        return value;
    }

    long number(String name, int offset, int width, FieldKind kind) {
        return number(name, offset, 0, width, kind);
    }

    long mac(String name, int offset) {
        if (!has(offset, 6)) {
            truncated(name, offset, 0, 48);
            return -1;
        }
        long value = Values.bits(bytes, offset, 0, 48);
        fields.add(new Field(name, Values.mac(value), value, FieldKind.MAC, offset, 0, 48));
        return value;
    }

    long ipv4(String name, int offset) {
        if (!has(offset, 4)) {
            truncated(name, offset, 0, 32);
            return -1;
        }
        long value = Values.bits(bytes, offset, 0, 32);
        fields.add(new Field(name, Values.ipv4(value), value, FieldKind.IPV4, offset, 0, 32));
        return value;
    }

    void ipv6(String name, int offset) {
        if (!has(offset, 16)) {
            truncated(name, offset, 0, 128);
            return;
        }
        fields.add(new Field(name, Values.ipv6(bytes, offset), -1, FieldKind.IPV6, offset, 0, 128));
    }

    void bytes(String name, int offset, int length) {
        if (!has(offset, length)) {
            truncated(name, offset, 0, length * 8);
            return;
        }
        fields.add(new Field(name, Values.bytesHex(bytes, offset, length), -1, FieldKind.BYTES, offset, 0, length * 8));
    }

    /** An optional part of the header: present with its width, or absent with width 0. */
    void presence(String name, int offset, boolean present, int width) {
        fields.add(new Field(
                name,
                present ? "present" : "absent",
                present ? 1 : 0,
                FieldKind.PRESENCE,
                offset,
                0,
                present ? width : 0));
    }

    void truncated(String name, int offset, int bitOffset, int width) {
        fields.add(new Field(name, missingText, -1, FieldKind.TRUNCATED, offset, bitOffset, width));
    }

    void check(String field, String rule, String expected, String actual, boolean pass) {
        RuleCheck.Verdict verdict = pass ? RuleCheck.Verdict.PASS : RuleCheck.Verdict.FAIL;
        checks.add(new RuleCheck(field, rule, expected, actual, verdict));
    }

    void unverifiable(String field, String rule, String why) {
        checks.add(new RuleCheck(field, rule, rule, why, RuleCheck.Verdict.UNVERIFIABLE));
    }

    /** A reserved field that must be zero; nothing is recorded when the field was not captured. */
    void mustBeZero(String field, long value, int width) {
        if (value >= 0) {
            check(field, "zero", Values.hex(0, width), Values.hex(value, width), value == 0);
        }
    }

    /**
     * Records a checksum's status and its rule: {@code sum} covers every byte the checksum protects,
     * the checksum field included.
     */
    void checksum(String field, int value, long sum, boolean zeroMeansNone) {
        if (zeroMeansNone && value == 0) {
            checksums.put(field, ChecksumStatus.ZERO);
            check(field, "zero or valid", "0x0000 or valid", "0x0000 (not computed)", true);
            return;
        }
        int expected = InternetChecksum.expected(sum, value);
        if (zeroMeansNone && expected == 0) {
            expected = 0xffff; // RFC 768: a computed zero is sent as all ones
        }
        boolean good = InternetChecksum.verifies(sum);
        checksums.put(field, good ? ChecksumStatus.GOOD : ChecksumStatus.BAD);
        check(
                field,
                zeroMeansNone ? "zero or valid" : "valid",
                Values.hex(expected, 16) + " (computed)",
                Values.hex(value, 16),
                good);
    }

    void checksumUnverifiable(String field, boolean zeroMeansNone, int value, String why) {
        if (zeroMeansNone && value == 0) {
            checksum(field, 0, 0, true);
            return;
        }
        checksums.put(field, ChecksumStatus.UNVERIFIABLE);
        unverifiable(field, zeroMeansNone ? "zero or valid" : "valid", why);
    }
}
