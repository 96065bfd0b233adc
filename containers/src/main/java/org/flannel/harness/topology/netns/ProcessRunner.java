package org.flannel.harness.topology.netns;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flannel.harness.topology.ExecResult;
import org.flannel.harness.topology.TopologyException;
import org.flannel.harness.topology.support.Background;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs programs in the root namespace (mostly `ip`, which then enters a namespace itself). */
final class ProcessRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);

    /** Runs to completion. {@code shown} is the command as the caller wrote it, for results and errors. */
    ExecResult run(
            String where,
            List<String> shown,
            List<String> argv,
            Map<String, String> env,
            String stdin,
            Duration timeout) {
        long started = System.nanoTime();
        Process process = start(builder(argv, env), argv);
        CompletableFuture<String> stdout = Background.supply(() -> readAll(process.getInputStream()));
        CompletableFuture<String> stderr = Background.supply(() -> readAll(process.getErrorStream()));
        Background.run(() -> writeAndClose(process.getOutputStream(), stdin));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new TopologyException("`" + String.join(" ", shown) + "` on " + where + " did not finish within "
                        + timeout.toSeconds() + " s and was killed; output so far: " + stdout.getNow("")
                        + stderr.getNow(""));
            }
            ExecResult result = new ExecResult(where, shown, process.exitValue(), stdout.join(), stderr.join());
            LOG.debug(
                    "{}: `{}` -> {} in {} ms",
                    where,
                    String.join(" ", shown),
                    result.exitCode(),
                    (System.nanoTime() - started) / 1_000_000);
            return result;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TopologyException("interrupted while running `" + String.join(" ", shown) + "` on " + where, e);
        }
    }

    /** Runs an iproute2 command in the root namespace (it selects namespaces itself with -n). */
    ExecResult ip(List<String> args, String stdin) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        argv.addAll(args);
        return run("root namespace", argv, argv, Map.of(), stdin, Duration.ofSeconds(30));
    }

    /** Starts a long-running program with stdout and stderr appended to {@code logFile}, stdin empty. */
    Process spawn(List<String> argv, Map<String, String> env, Path logFile) {
        ProcessBuilder builder = builder(argv, env)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(new File("/dev/null"));
        return start(builder, argv);
    }

    private static ProcessBuilder builder(List<String> argv, Map<String, String> env) {
        List<String> resolved = new ArrayList<>(argv);
        // Java looks argv[0] up on the JVM's PATH, which may lack /usr/sbin where ip lives.
        resolved.set(0, Executables.require(argv.get(0), argv.get(0)).toString());
        ProcessBuilder builder = new ProcessBuilder(resolved);
        builder.environment().put("PATH", Executables.searchPath());
        builder.environment().putAll(env);
        return builder;
    }

    private static Process start(ProcessBuilder builder, List<String> argv) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new TopologyException("cannot start `" + String.join(" ", argv) + "`: " + e.getMessage(), e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void writeAndClose(OutputStream out, String input) {
        try (out) {
            if (input != null) {
                out.write(input.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The child exited without reading its input; its exit code tells the story.
        }
    }
}
