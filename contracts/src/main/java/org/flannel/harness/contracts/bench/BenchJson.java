package org.flannel.harness.contracts.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@link BenchReport} as JSON, both ways; an unknown property fails the read, so a renamed field breaks a test. */
public final class BenchJson {
    /** Where bench.sh writes it, relative to the project's root. */
    public static final String DEFAULT_PATH = "reports/target/bench/bench.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private BenchJson() {}

    public static String write(BenchReport report) throws IOException {
        return MAPPER.writeValueAsString(report);
    }

    public static BenchReport read(String json) throws IOException {
        return MAPPER.readValue(json, BenchReport.class);
    }

    public static void write(BenchReport report, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, write(report));
    }

    public static BenchReport read(Path file) throws IOException {
        return read(Files.readString(file));
    }
}
