package org.flannel.harness.topology.docker;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flannel.harness.topology.ExecResult;
import org.flannel.harness.topology.TopologyException;
import org.flannel.harness.topology.support.LoggedProcess;
import org.flannel.harness.topology.support.Waiting;

/**
 * A long-running process started through exec. A small sh wrapper writes its pid inside the
 * container to a file, then execs the program, so that pid is the program's own: SIGTERM and SIGKILL
 * go to it alone, like a signal to the netns driver's child. Its output is streamed into a log file
 * on this machine; whatever it leaves behind when stopped is found by the exec's marker and killed.
 */
final class DockerProcess extends LoggedProcess {
    private static final String PID_DIR = "/run/flannel-conformance";
    private static final String WRAPPER = "mkdir -p " + PID_DIR + " && echo $$ > \"$0\" && exec \"$@\"";

    private final DockerHost host;
    private final DockerExec exec;
    private final DockerExec.Started started;
    private final String pidFile;
    private volatile long pid = -1;
    private volatile Integer exitCode;

    private DockerProcess(
            String name, DockerHost host, DockerExec exec, DockerExec.Started started, String pidFile, Path logFile) {
        super(name, logFile);
        this.host = host;
        this.exec = exec;
        this.started = started;
        this.pidFile = pidFile;
    }

    static DockerProcess start(
            DockerExec exec, DockerHost host, String name, List<String> argv, Map<String, String> env, Path logFile) {
        String pidFile = PID_DIR + "/" + UUID.randomUUID() + ".pid";
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c", WRAPPER, pidFile));
        wrapped.addAll(argv);
        OutputStream log;
        try {
            log = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new TopologyException("cannot open log file " + logFile + ": " + e, e);
        }
        ExecOutput output = ExecOutput.into(log);
        DockerExec.Started started = exec.start(host.containerId(), host.enter(wrapped), env, output);
        return new DockerProcess(name, host, exec, started, pidFile, logFile);
    }

    /** The pid inside the container (what `kill` run on the host takes). */
    @Override
    public long pid() {
        if (pid < 0) {
            pid = Waiting.poll(Duration.ofSeconds(5), Duration.ofMillis(10), this::readPidFile)
                    .orElseThrow(() -> new TopologyException(this + " wrote no pid file " + pidFile + " within 5 s"));
        }
        return pid;
    }

    private Optional<Long> readPidFile() {
        ExecResult cat = rawExec("cat", pidFile);
        String text = cat.stdout().strip();
        if (cat.succeeded() && text.matches("\\d+")) {
            return Optional.of(Long.parseLong(text));
        }
        if (exitCode().isPresent()) {
            throw new TopologyException(this + " exited before writing its pid file " + pidFile);
        }
        return Optional.empty();
    }

    @Override
    public boolean isAlive() {
        return exitCode().isEmpty();
    }

    @Override
    public Optional<Integer> waitFor(Duration limit) {
        Optional<Integer> code = exitCode();
        if (code.isEmpty() && !limit.isZero()) {
            try {
                code = exec.exitCode(started.execId(), limit);
            } catch (NotFoundException gone) {
                code = Optional.empty();
            }
            code.ifPresent(this::finished);
        }
        return code;
    }

    @Override
    public synchronized int stop(Duration grace) {
        if (isAlive()) {
            signal("TERM");
            if (waitFor(grace).isEmpty()) {
                signal("KILL");
                if (waitFor(Duration.ofSeconds(5)).isEmpty()) {
                    throw new TopologyException(this + " survived SIGKILL (stuck in the kernel?)");
                }
            }
        }
        killLeftovers();
        return exitCode().orElseThrow(() -> new TopologyException(this + ": Docker lost its exit code"));
    }

    private Optional<Integer> exitCode() {
        if (exitCode == null) {
            try {
                exec.exitCode(started.execId(), Duration.ZERO).ifPresent(this::finished);
            } catch (NotFoundException gone) {
                // The container is gone, and the exec with it: report it ended, as SIGKILL would.
                finished(137);
            }
        }
        return Optional.ofNullable(exitCode);
    }

    /** Once it has exited: let the rest of its output reach the log, then close the log. */
    private void finished(int code) {
        if (exitCode == null) {
            exitCode = code;
            try {
                started.output().awaitCompletion(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            DockerExec.closeQuietly(started.output());
        }
    }

    @Override
    public void signal(String signal) {
        long target;
        try {
            target = pid();
        } catch (TopologyException noPid) {
            return; // it exited before writing its pid
        }
        rawExec("kill", "-" + signal, Long.toString(target));
    }

    /** Children it forked and did not take down would otherwise outlive it in the container. */
    private void killLeftovers() {
        try {
            exec.killMarked(host.containerId(), started.marker(), "KILL");
        } catch (NotFoundException | ConflictException gone) {
            // the container is gone or stopped: nothing left to kill
        }
    }

    /** A command in the container itself (not a pod's namespace): pid files and /proc are the container's. */
    private ExecResult rawExec(String... argv) {
        return exec.run(
                host.containerId(), host.name(), List.of(argv), List.of(argv), Map.of(), null, Duration.ofSeconds(10));
    }

    @Override
    public String toString() {
        return name() + " on " + host.name();
    }
}
