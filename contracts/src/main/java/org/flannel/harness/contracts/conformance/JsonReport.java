package org.flannel.harness.contracts.conformance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** conformance.json: the run for machines (CI, the self-test, the verdict), written with Jackson. */
public final class JsonReport {
    public static final String FILE_NAME = "conformance.json";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonReport() {}

    public static String toJson(ConformanceRun run) {
        try {
            return MAPPER.writeValueAsString(run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the file whole or not at all (a reader never sees half a report). */
    public static void write(ConformanceRun run, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, toJson(run) + "\n");
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static ConformanceRun read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), ConformanceRun.class);
    }

    public static ConformanceRun fromJson(String json) throws IOException {
        return MAPPER.readValue(json, ConformanceRun.class);
    }
}
