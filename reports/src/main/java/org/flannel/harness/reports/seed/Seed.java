package org.flannel.harness.reports.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The seed, the document this project starts from: its Chinese original and English rendering (copied
 * byte for byte into this module's resources, seed/), split into statements by a hand-written table
 * (living-docs/statements.json). Each statement runs from its excerpt's line to the next statement's.
 */
public final class Seed {
    public static final String ORIGINAL = "flannel-notes.zh.md";
    public static final String ENGLISH = "README.md";
    static final String STATEMENTS = "/living-docs/statements.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String original;
    private final String english;
    private final List<SeedStatement> statements;

    Seed(String original, String english, JsonNode table) {
        this.original = original;
        this.english = english;
        this.statements = split(original, table);
    }

    /** The seed from a folder holding the two files, or from the classpath when {@code folder} is empty. */
    public static Seed load(Optional<Path> folder) {
        try {
            String original = read(folder, ORIGINAL);
            String english = read(folder, ENGLISH);
            try (InputStream table = Seed.class.getResourceAsStream(STATEMENTS)) {
                if (table == null) {
                    throw new IllegalStateException("no " + STATEMENTS + " on the classpath");
                }
                return new Seed(original, english, JSON.readTree(table));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed", e);
        }
    }

    private static String read(Optional<Path> folder, String name) throws IOException {
        if (folder.isPresent() && Files.isRegularFile(folder.get().resolve(name))) {
            return Files.readString(folder.get().resolve(name), StandardCharsets.UTF_8);
        }
        try (InputStream in = Seed.class.getResourceAsStream("/seed/" + name)) {
            if (in == null) {
                throw new IOException("the seed's " + name + " is neither in "
                        + folder.map(Path::toString).orElse("(no folder)") + " nor on the classpath (/seed/" + name
                        + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public String original() {
        return original;
    }

    public String english() {
        return english;
    }

    public List<SeedStatement> statements() {
        return statements;
    }

    public Optional<SeedStatement> statement(String id) {
        return statements.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Excerpts of the table that cannot be found in the files they quote: a test keeps this empty. */
    public List<String> unmatchedExcerpts(JsonNode table) {
        List<String> missing = new ArrayList<>();
        String englishFlat = flat(english);
        for (JsonNode statement : table.path("statements")) {
            if (!original.contains(statement.path("zh").asText())) {
                missing.add("zh: " + statement.path("zh").asText());
            }
            for (JsonNode en : statement.path("en")) {
                if (!englishFlat.contains(flat(en.asText()))) {
                    missing.add("en: " + en.asText());
                }
            }
        }
        return missing;
    }

    static JsonNode table() {
        try (InputStream table = Seed.class.getResourceAsStream(STATEMENTS)) {
            return JSON.readTree(table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whitespace runs as one space: the English rendering indents its listings. */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static List<SeedStatement> split(String original, JsonNode table) {
        List<String> lines = original.lines().toList();
        boolean[] code = new boolean[lines.size()];
        boolean[] fence = new boolean[lines.size()];
        boolean inside = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("```")) {
                fence[i] = true;
                inside = !inside;
            } else {
                code[i] = inside;
            }
        }
        List<JsonNode> rows = new ArrayList<>();
        table.path("statements").forEach(rows::add);
        int[] starts = new int[rows.size()];
        int from = 0;
        for (int r = 0; r < rows.size(); r++) {
            String excerpt = rows.get(r).path("zh").asText();
            int found = -1;
            for (int i = from; i < lines.size() && found < 0; i++) {
                if (lines.get(i).contains(excerpt)) {
                    found = i;
                }
            }
            if (found < 0) {
                throw new IllegalStateException("statement "
                        + rows.get(r).path("id").asText() + ": \"" + excerpt + "\" is not in the seed after line "
                        + (from + 1) + " (statements must follow the seed's order)");
            }
            starts[r] = found;
            from = found + 1;
        }
        List<SeedStatement> statements = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            int end = r + 1 < rows.size() ? starts[r + 1] : lines.size();
            List<SeedStatement.Line> text = new ArrayList<>();
            for (int i = starts[r]; i < end; i++) {
                boolean rule = !code[i] && lines.get(i).strip().matches("\\*{3,}|-{3,}");
                if (!fence[i] && !rule) {
                    text.add(new SeedStatement.Line(lines.get(i), code[i]));
                }
            }
            while (!text.isEmpty() && text.get(text.size() - 1).text().isBlank()) {
                text.remove(text.size() - 1);
            }
            JsonNode row = rows.get(r);
            statements.add(new SeedStatement(
                    row.path("id").asText(),
                    text,
                    strings(row.path("en")),
                    row.path("note").asText(""),
                    strings(row.path("demonstratedBy")),
                    strings(row.path("show"))));
        }
        return statements;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
