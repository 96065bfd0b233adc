package org.flannel.reference.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what is written to System.err until closed, which is where slf4j-simple writes the daemon's
 * log lines (it looks System.err up on every line). Still echoes it to the real stderr.
 */
public final class CapturedStderr implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    public CapturedStderr() {
        PrintStream tee = new PrintStream(
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        captured.write(b);
                        original.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        captured.write(b, off, len);
                        original.write(b, off, len);
                    }
                },
                true,
                StandardCharsets.UTF_8);
        System.setErr(tee);
    }

    public String text() {
        System.err.flush();
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.err.flush();
        System.setErr(original);
    }
}
