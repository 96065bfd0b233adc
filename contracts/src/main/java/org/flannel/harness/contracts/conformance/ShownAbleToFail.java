package org.flannel.harness.contracts.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The harness's self-test figure, kept beside its variants' reports: how many requirements some broken
 * variant failed as expected, of all; those none failed; and the variants that failed each. The self-test
 * (features) writes it, the page of all runs (step-defs) heads itself with it.
 */
public record ShownAbleToFail(int shown, int total, Set<String> neverFailed, Map<String, Set<String>> failedBy) {
    public static final String FILE_NAME = "shown-able-to-fail.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ShownAbleToFail {
        neverFailed = neverFailed == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(neverFailed));
        Map<String, Set<String>> sorted = new TreeMap<>();
        if (failedBy != null) {
            failedBy.forEach((id, variants) -> sorted.put(id, Collections.unmodifiableSet(new TreeSet<>(variants))));
        }
        failedBy = Collections.unmodifiableMap(sorted);
    }

    /** "Requirements shown able to fail (...): 43 of 44; never failed by a variant: [R-UDP-MTU-01]". */
    public String headline() {
        return "Requirements shown able to fail (failed by some broken variant, as expected): " + shown + " of " + total
                + (neverFailed.isEmpty() ? "" : "; never failed by a variant: " + neverFailed);
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), this);
    }

    public static ShownAbleToFail read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ShownAbleToFail.class);
    }
}
