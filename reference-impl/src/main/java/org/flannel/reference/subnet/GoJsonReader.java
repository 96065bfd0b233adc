package org.flannel.reference.subnet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Optional;

/**
 * Reading JSON the way Go's {@code encoding/json} decodes into a struct: the whole text must be one
 * valid JSON value, a member name matches a field exactly or else case-insensitively, unknown members
 * are ignored, and a value of the wrong JSON kind is an "UnmarshalTypeError".
 */
final class GoJsonReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private GoJsonReader() {}

    /** The tree of {@code text}; for text that is not JSON, Go's syntax error (as Flannel logs it). */
    static JsonNode readTree(String text) throws InvalidJsonException {
        if (text == null) {
            throw new InvalidJsonException("unexpected end of JSON input");
        }
        Optional<String> syntaxError = GoJsonSyntax.firstError(text);
        if (syntaxError.isPresent()) {
            throw new InvalidJsonException(syntaxError.get());
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidJsonException(e.getOriginalMessage());
        }
    }

    /** The Go struct field a member name decodes into: exact name first, then case-insensitive. */
    static Optional<String> matchField(String memberName, List<String> fieldNames) {
        for (String field : fieldNames) {
            if (field.equals(memberName)) {
                return Optional.of(field);
            }
        }
        for (String field : fieldNames) {
            if (field.equalsIgnoreCase(memberName)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** How Go names a JSON value's kind in "json: cannot unmarshal X into ...". */
    static String kindOf(JsonNode node) {
        if (node.isTextual()) {
            return "string";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isObject()) {
            return "object";
        }
        return "null";
    }

    /** Go's {@code UnmarshalTypeError} text for a struct field. */
    static String typeError(String kind, String structName, String field, String goType) {
        return "json: cannot unmarshal " + kind + " into Go struct field " + structName + "." + field + " of type "
                + goType;
    }

    /**
     * The bytes Go hands to a field's own {@code UnmarshalJSON} after Flannel's {@code bytes.Trim(j, "\"")}:
     * the text of a string, the JSON text of anything else (e.g. {@code null}, {@code 5}).
     */
    static String unmarshalerText(JsonNode node) {
        return node.isTextual() ? node.textValue() : node.toString();
    }

    /** The text is not JSON (or not a complete JSON value). */
    static final class InvalidJsonException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidJsonException(String message) {
            super(message);
        }
    }
}
