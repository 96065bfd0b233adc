package org.flannel.reference.kernel.iproute;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.flannel.reference.kernel.KernelException;

/** Runs one iproute2 command and returns its standard output; a non-zero exit becomes a KernelException. */
final class CommandRunner {

    String run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new KernelException(
                    "cannot run " + command.get(0) + " (is iproute2 installed?): " + e.getMessage(), e);
        }
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String stdout = readAll(process.getInputStream());
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new KernelException("interrupted while running " + String.join(" ", command), e);
        }
        if (exit != 0) {
            throw new KernelException("`" + String.join(" ", command) + "` failed: "
                    + stderr.join().strip());
        }
        return stdout;
    }

    private static String readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
