package org.flannel.harness.topology.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flannel.harness.topology.ExecResult;
import org.flannel.harness.topology.TopologyException;
import org.flannel.harness.topology.support.Waiting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs programs in a container through the exec API. Every exec carries an environment marker
 * ({@value #MARKER}=id), inherited by whatever it forks: that is how a command past its timeout, or
 * the children a stopped process leaves, are found and killed inside the container.
 */
final class DockerExec {
    static final String MARKER = "FLANNEL_CONFORMANCE_EXEC";
    private static final Logger LOG = LoggerFactory.getLogger(DockerExec.class);

    /** Sends a signal to every process whose environment has MARKER=$1; prints how many it found. */
    private static final String KILL_MARKED = "n=0; for d in /proc/[0-9]*; do "
            + "if tr '\\000' '\\n' < \"$d/environ\" 2>/dev/null | grep -qxF \"" + MARKER + "=$1\"; then "
            + "kill -\"$2\" \"${d#/proc/}\" 2>/dev/null && n=$((n+1)); fi; done; echo $n";

    /** An exec started in the background, its output going to {@code output}. */
    record Started(String execId, String marker, ExecOutput output) {}

    private final DockerClient client;
    private final ExecInput input;

    DockerExec(DockerClient client) {
        this.client = client;
        this.input = new ExecInput(client);
    }

    /** Runs to completion. {@code shown} is the command as the caller wrote it, for results and errors. */
    ExecResult run(
            String containerId,
            String where,
            List<String> shown,
            List<String> argv,
            Map<String, String> env,
            String stdin,
            Duration timeout) {
        long started = System.nanoTime();
        ExecOutput output = ExecOutput.collecting();
        Started exec = stdin == null
                ? start(containerId, argv, env, output)
                : start(containerId, input.argv(containerId, argv, stdin), input.env(env, stdin), output);
        try {
            if (!output.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killMarked(containerId, exec.marker(), "KILL");
                throw new TopologyException("`" + String.join(" ", shown) + "` on " + where + " did not finish within "
                        + timeout.toSeconds() + " s and was killed; output so far: " + output.stdout()
                        + output.stderr());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killMarked(containerId, exec.marker(), "KILL");
            throw new TopologyException("interrupted while running `" + String.join(" ", shown) + "` on " + where, e);
        } finally {
            closeQuietly(output);
        }
        int code = exitCode(exec.execId(), Duration.ofSeconds(5))
                .orElseThrow(() -> new TopologyException("`" + String.join(" ", shown) + "` on " + where
                        + ": its output ended but Docker reports it still running"));
        ExecResult result = new ExecResult(where, shown, code, output.stdout(), output.stderr());
        LOG.debug(
                "{}: `{}` -> {} in {} ms",
                where,
                String.join(" ", shown),
                code,
                (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    /** Starts an exec (with no input) whose output goes to {@code output}. */
    Started start(String containerId, List<String> argv, Map<String, String> env, ExecOutput output) {
        String marker = UUID.randomUUID().toString();
        List<String> environment = new ArrayList<>();
        env.forEach((name, value) -> environment.add(name + "=" + value));
        environment.add(MARKER + "=" + marker);
        String execId;
        try {
            execId = client.execCreateCmd(containerId)
                    .withCmd(argv.toArray(String[]::new))
                    .withEnv(environment)
                    .withWorkingDir("/")
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .exec()
                    .getId();
            client.execStartCmd(execId).exec(output);
        } catch (NotFoundException | ConflictException gone) {
            throw gone; // the container is gone or stopped: callers that expect it (cleanup) catch these
        } catch (RuntimeException e) {
            throw new TopologyException(
                    "cannot run `" + String.join(" ", argv) + "` in container " + shortId(containerId) + ": "
                            + e.getMessage(),
                    e);
        }
        return new Started(execId, marker, output);
    }

    /** The exit code once Docker reports the exec finished, waiting up to {@code limit}. */
    Optional<Integer> exitCode(String execId, Duration limit) {
        return Waiting.poll(limit, Duration.ofMillis(10), () -> {
            InspectExecResponse inspected = client.inspectExecCmd(execId).exec();
            boolean finished = !Boolean.TRUE.equals(inspected.isRunning()) && inspected.getExitCodeLong() != null;
            return finished ? Optional.of(inspected.getExitCodeLong().intValue()) : Optional.empty();
        });
    }

    boolean isRunning(String execId) {
        return Boolean.TRUE.equals(client.inspectExecCmd(execId).exec().isRunning());
    }

    /** Signals every process of one exec (and its descendants); returns how many were found. */
    int killMarked(String containerId, String marker, String signal) {
        ExecOutput output = ExecOutput.collecting();
        Started exec =
                start(containerId, List.of("sh", "-c", KILL_MARKED, "kill-marked", marker, signal), Map.of(), output);
        try {
            output.awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(output);
        }
        String count = output.stdout().strip();
        LOG.debug("signal {} to exec {}: {} process(es)", signal, exec.execId(), count);
        return count.matches("\\d+") ? Integer.parseInt(count) : 0;
    }

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    static void closeQuietly(ExecOutput output) {
        try {
            output.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
