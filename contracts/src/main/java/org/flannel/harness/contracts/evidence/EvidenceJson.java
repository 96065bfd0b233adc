package org.flannel.harness.contracts.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;

/**
 * The evidence as JSON, both ways: step-defs attaches {@link #write}'s text, reports reads it back with
 * {@link #read}. A property the records do not know fails the read, so that a renamed field shows in the
 * tests rather than as a blank on the site.
 */
public final class EvidenceJson {
    public static final String MEDIA_TYPE = "application/json";
    static final Set<String> KINDS = Set.of(
            FrameMatchEvidence.KIND,
            HopTraceEvidence.KIND,
            KernelTableEvidence.KIND,
            TopologyEvidence.KIND,
            PingSeriesEvidence.KIND);
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            // An Optional that is empty is left out, as a missing one is read back empty.
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            .build();

    private EvidenceJson() {}

    public static String write(Evidence evidence) {
        try {
            return MAPPER.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + evidence.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * The evidence in a JSON attachment; empty when the JSON is of another kind (or none), which is not evidence.
     *
     * @throws IOException when it is not JSON, or evidence that does not fit its record
     */
    public static Optional<Evidence> read(byte[] json) throws IOException {
        JsonNode tree = MAPPER.readTree(json);
        if (tree == null || !KINDS.contains(tree.path(Evidence.KIND).asText(""))) {
            return Optional.empty();
        }
        return Optional.of(MAPPER.treeToValue(tree, Evidence.class));
    }
}
