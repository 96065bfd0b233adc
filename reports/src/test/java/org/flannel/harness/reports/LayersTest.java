package org.flannel.harness.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The site's packages form layers: each uses only those below it (model at the bottom, pages at the top). */
class LayersTest {
    private static final Path SOURCES = Path.of("src/main/java/org/flannel/harness/reports");
    private static final Pattern IMPORT =
            Pattern.compile("^import org\\.flannel\\.harness\\.reports\\.([a-z]+)\\.", Pattern.MULTILINE);
    private static final Map<String, Set<String>> MAY_USE = Map.of(
            "model", Set.of(),
            "evidence", Set.of("model"),
            "seed", Set.of("model"),
            "drawing", Set.of("model", "evidence"),
            "pages", Set.of("model", "evidence", "seed", "drawing"));

    @Test
    void eachPackageUsesOnlyTheLayersBelowIt() throws IOException {
        assertThat(violations()).isEmpty();
    }

    @Test
    void everyPackageOfTheSiteIsALayer() throws IOException {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            assertThat(dirs.filter(Files::isDirectory)
                            .map(dir -> dir.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(MAY_USE.keySet());
        }
    }

    private static List<String> violations() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> layer : MAY_USE.entrySet()) {
            try (Stream<Path> files = Files.list(SOURCES.resolve(layer.getKey()))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher uses = IMPORT.matcher(Files.readString(file));
                    while (uses.find()) {
                        if (!uses.group(1).equals(layer.getKey())
                                && !layer.getValue().contains(uses.group(1))) {
                            violations.add(layer.getKey() + "/" + file.getFileName() + " uses " + uses.group(1));
                        }
                    }
                }
            }
        }
        return violations;
    }
}
