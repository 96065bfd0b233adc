package org.flannel.harness.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every frame a feature names is written in frames/, and every frame written there is used. */
class NamedFramesTest {
    private static final Path FEATURES = Path.of("src/test/resources/features");
    private static final Path FRAMES = Path.of("src/test/resources/frames");
    private static final Pattern NAMED = Pattern.compile(
            "a frame matches the ((?:vxlan|udp|host-gw) echo (?:request|reply)" + " from \\S+ to \\S+?)(?:,|$)");

    @Test
    void namedFramesExistAndAreAllUsed() throws IOException {
        List<String> named = new ArrayList<>();
        try (Stream<Path> files = Files.walk(FEATURES)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".feature")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher matcher = NAMED.matcher(line.strip());
                    if (matcher.find()) {
                        named.add(matcher.group(1).replace(' ', '-') + ".table");
                    }
                }
            }
        }
        List<String> written;
        try (Stream<Path> files = Files.list(FRAMES)) {
            written = files.map(p -> p.getFileName().toString()).toList();
        }
        assertThat(named).as("frames the features name").isNotEmpty();
        assertThat(written).as("frames/ holds every named frame").containsAll(named);
        assertThat(named).as("every frame in frames/ is used").containsAll(written);
    }
}
