package org.flannel.harness.wire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A tcpdump process writing a pcap; {@link #stop()} ends it with SIGTERM so it flushes the file. */
final class PacketCapture implements AutoCloseable {

    private final Process process;
    private final Path file;

    private PacketCapture(Process process, Path file) {
        this.process = process;
        this.file = file;
    }

    static PacketCapture start(List<String> command, Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader stderr =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        // tcpdump says "listening on ..." once the socket is open: traffic before that would be lost
        CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> {
            try {
                StringBuilder seen = new StringBuilder();
                for (String line = stderr.readLine(); line != null; line = stderr.readLine()) {
                    seen.append(line).append('\n');
                    if (line.contains("listening on")) {
                        return seen.toString();
                    }
                }
                return seen.toString();
            } catch (IOException e) {
                return e.toString();
            }
        });
        try {
            String said = listening.get(20, TimeUnit.SECONDS);
            if (!said.contains("listening on")) {
                process.destroy();
                throw new IOException("tcpdump did not start: " + said);
            }
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("tcpdump did not start: " + command, e);
        }
        CompletableFuture.runAsync(() -> {
            try {
                stderr.transferTo(java.io.Writer.nullWriter()); // keep its stderr pipe from filling
            } catch (IOException ignored) {
                // the process has ended
            }
        });
        return new PacketCapture(process, file);
    }

    Path stop() throws InterruptedException {
        Thread.sleep(300); // let the last replies arrive
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return file;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
