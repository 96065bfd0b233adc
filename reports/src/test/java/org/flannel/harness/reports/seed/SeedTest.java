package org.flannel.harness.reports.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedTest {
    private final Seed seed = Seed.load(Optional.empty());

    @Test
    void everyExcerptOfTheTableIsInTheSeed() {
        assertThat(seed.unmatchedExcerpts(Seed.table())).isEmpty();
    }

    @Test
    void theStatementsCoverEveryLineOfTheOriginalFromItsTitleOn() {
        List<String> lines = seed.original().lines().toList();
        int title = lines.indexOf("# Flannel");
        Set<String> covered = seed.statements().stream()
                .flatMap(s -> s.original().stream())
                .map(SeedStatement.Line::text)
                .collect(Collectors.toSet());
        for (String line : lines.subList(title, lines.size())) {
            boolean markup = line.isBlank()
                    || line.strip().startsWith("```")
                    || line.strip().equals("***");
            if (!markup) {
                assertThat(covered)
                        .as("the seed's line \"%s\" belongs to a statement", line)
                        .contains(line);
            }
        }
    }

    @Test
    void theSevenStepsAreOneStatementEachAndTheFrameDiagramIsSplitByHeader() {
        for (int step = 1; step <= 7; step++) {
            SeedStatement statement = seed.statement("vxlan-flow-" + step).orElseThrow();
            assertThat(statement.original()).hasSize(1);
            assertThat(statement.original().get(0).text()).startsWith(step + ". ");
            assertThat(statement.original().get(0).code()).isTrue();
            assertThat(statement.english()).hasSize(1);
        }
        SeedStatement ipv4 = seed.statement("vxlan-frame-outer-ipv4").orElseThrow();
        assertThat(ipv4.original().get(0).text()).startsWith("Outer IPv4 Header: #目的ip由flannel维护");
        assertThat(ipv4.original()).allSatisfy(line -> assertThat(line.code()).isTrue());
        assertThat(ipv4.original()).noneMatch(line -> line.text().startsWith("Outer UDP Header"));
    }

    @Test
    void headingsAreRecognised() {
        assertThat(seed.statement("vxlan").orElseThrow().headingLevel()).isEqualTo(2);
        assertThat(seed.statement("vxlan-flow").orElseThrow().headingLevel()).isEqualTo(3);
        assertThat(seed.statement("udp-tun").orElseThrow().isHeading()).isFalse();
    }

    /**
     * The seed on the classpath is docs/sources/seed, byte for byte: the resource copy neither filters nor
     * re-encodes it (the tests run in this module's directory).
     */
    @Test
    void theSeedOnTheClasspathIsTheOneInDocsSources() throws IOException {
        Path sources = Path.of("../docs/sources/seed");
        for (String name : List.of(Seed.ORIGINAL, Seed.ENGLISH)) {
            byte[] copy;
            try (InputStream in = Seed.class.getResourceAsStream("/seed/" + name)) {
                copy = in.readAllBytes();
            }
            Path original = sources.resolve(name);
            assertThat(original).as("the seed in the repository").isRegularFile();
            assertThat(copy).as("/seed/%s is %s", name, original).isNotEmpty().isEqualTo(Files.readAllBytes(original));
        }
    }
}
