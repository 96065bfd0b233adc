package org.flannel.harness.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrayOutputTest {
    @TempDir
    Path dir;

    @Test
    void whatIsPrintedWhileDivertedGoesToTheFileAndTheConsoleComesBackAfter() throws IOException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        StrayOutput stray = new StrayOutput(dir.resolve("reports"));
        try {
            stray.divert();
            System.out.println("a step's diagnostic");
            System.err.println("a library's warning");
        } finally {
            stray.restore();
        }

        assertThat(System.out).isSameAs(out);
        assertThat(System.err).isSameAs(err);
        assertThat(Files.readString(dir.resolve("reports").resolve(StrayOutput.FILE_NAME)))
                .isEqualTo("a step's diagnostic\na library's warning\n");
    }
}
