package org.flannel.harness.contracts.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShownAbleToFailTest {
    @TempDir
    Path dir;

    @Test
    void theSelfTestsFigureIsReadBackAsWritten() throws IOException {
        ShownAbleToFail figure = new ShownAbleToFail(
                1,
                2,
                Set.of("R-UDP-MTU-01"),
                Map.of("R-VXLAN-FDB-01", Set.of("missing-fdb", "wrong-vni"), "R-UDP-MTU-01", Set.of()));
        Path file = dir.resolve("self-test").resolve(ShownAbleToFail.FILE_NAME);

        figure.write(file);

        assertThat(ShownAbleToFail.read(file)).isEqualTo(figure);
        assertThat(Files.readString(file)).contains("\"neverFailed\"", "\"failedBy\"");
        assertThat(figure.headline())
                .isEqualTo("Requirements shown able to fail (failed by some broken variant, as"
                        + " expected): 1 of 2; never failed by a variant: [R-UDP-MTU-01]");
    }

    @Test
    void aFigureWithoutTheVariantsIsRead() throws IOException {
        Path file = dir.resolve(ShownAbleToFail.FILE_NAME);
        Files.writeString(file, "{\"shown\": 44, \"total\": 44, \"neverFailed\": []}");

        assertThat(ShownAbleToFail.read(file).headline()).endsWith(": 44 of 44");
        Files.writeString(file, "{\"shown\": 44, \"all\": 44}");
        assertThatThrownBy(() -> ShownAbleToFail.read(file)).hasMessageContaining("all");
    }
}
