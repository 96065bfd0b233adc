package org.flannel.harness.console;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * While the features run, whatever else the JVM prints (the steps' diagnostics, library logs, a driver's
 * progress) goes to a file beside the reports instead of the console, which keeps one line per scenario.
 * The console plugin and the summaries print to the stream they were given when they were made, before
 * the run: the console itself.
 */
final class StrayOutput {
    static final String FILE_NAME = "test-output.log";
    private final Path file;
    private PrintStream out;
    private PrintStream err;
    private PrintStream diverted;

    StrayOutput(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    synchronized void divert() {
        if (diverted != null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            OutputStream stream = Files.newOutputStream(file);
            diverted = new PrintStream(stream, true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        out = System.out;
        err = System.err;
        System.setOut(diverted);
        System.setErr(diverted);
    }

    synchronized void restore() {
        if (diverted == null) {
            return;
        }
        System.setOut(out);
        System.setErr(err);
        diverted.close();
        diverted = null;
    }
}
