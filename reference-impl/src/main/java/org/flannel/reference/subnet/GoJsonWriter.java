package org.flannel.reference.subnet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON byte for byte as Go's {@code encoding/json} Marshal does: compact, object members in
 * order, and Go's string escaping ({@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped as
 * {@code \}{@code u....}; other control characters as {@code \}{@code u00xx} in lowercase hex;
 * {@code \b \f \n \r \t} short forms).
 */
final class GoJsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(128);

    GoJsonWriter beginObject() {
        out.append('{');
        return this;
    }

    GoJsonWriter endObject() {
        out.append('}');
        return this;
    }

    /** A member name; puts the comma before it unless it is the first of its object. */
    GoJsonWriter name(String name) {
        char last = out.charAt(out.length() - 1);
        if (last != '{' && last != '[') {
            out.append(',');
        }
        string(name);
        out.append(':');
        return this;
    }

    GoJsonWriter nullValue() {
        out.append("null");
        return this;
    }

    GoJsonWriter string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(c);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(c);
                    } else if (Character.isSurrogate(c)) {
                        i = surrogate(value, i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        return this;
    }

    /** Any JSON tree, compact (a Go {@code json.RawMessage} is re-emitted compacted). */
    GoJsonWriter value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return nullValue();
        }
        if (node.isObject()) {
            beginObject();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                name(field.getKey());
                value(field.getValue());
            }
            return endObject();
        }
        if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(node.get(i));
            }
            out.append(']');
            return this;
        }
        if (node.isTextual()) {
            return string(node.textValue());
        }
        if (node.isBigDecimal()) {
            out.append(node.decimalValue().toString());
            return this;
        }
        // Integers, booleans and doubles: Jackson's text is JSON's.
        out.append(node.asText());
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void unicodeEscape(char c) {
        out.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
    }

    /** A valid surrogate pair is written as is; a lone surrogate becomes U+FFFD as Go does for invalid UTF-8. */
    private int surrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
            out.append(c).append(value.charAt(i + 1));
            return i + 1;
        }
        unicodeEscape('\ufffd');
        return i;
    }
}
