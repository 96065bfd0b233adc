package org.flannel.harness.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** Reads JSON attachments; one that does not parse is reported and left out, never fatal. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static Optional<JsonNode> parse(Attachment attachment) {
        try {
            return Optional.of(MAPPER.readTree(attachment.body()));
        } catch (IOException e) {
            System.err.println("reports: attachment " + attachment.name() + " is not JSON, left out: " + e.getMessage());
            return Optional.empty();
        }
    }
}
