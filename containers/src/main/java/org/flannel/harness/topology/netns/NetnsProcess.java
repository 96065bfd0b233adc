package org.flannel.harness.topology.netns;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.flannel.harness.topology.TopologyException;
import org.flannel.harness.topology.support.LoggedProcess;
import org.flannel.harness.topology.support.ProcessIdentity;
import org.flannel.harness.topology.support.Waiting;

/**
 * A process started with `ip netns exec NS argv...`. ip enters the namespace and then execs the
 * program, so the pid we hold is the program's own and signals reach it directly.
 */
final class NetnsProcess extends LoggedProcess {
    private final String host;
    private final Process process;

    private NetnsProcess(String name, String host, Process process, Path logFile) {
        super(name, logFile);
        this.host = host;
        this.process = process;
    }

    static NetnsProcess start(
            ProcessRunner runner,
            String host,
            String namespace,
            String name,
            List<String> argv,
            Map<String, String> env,
            Path logFile) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(argv);
        return new NetnsProcess(name, host, runner.spawn(full, env, logFile), logFile);
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public Optional<Integer> waitFor(Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)
                    ? Optional.of(process.exitValue())
                    : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
        }
    }

    @Override
    public void signal(String signal) {
        if (process.isAlive()) {
            try {
                Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                        .redirectErrorStream(true)
                        .start();
                if (kill.waitFor() != 0 && process.isAlive()) {
                    throw new TopologyException("kill -" + signal + " " + this + " failed: "
                            + new String(kill.getInputStream().readAllBytes()).strip());
                }
            } catch (java.io.IOException e) {
                throw new TopologyException("cannot run kill: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopologyException("interrupted while signalling " + this, e);
            }
        }
    }

    @Override
    public int stop(Duration grace) {
        if (process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (waitFor(grace).isEmpty()) {
                process.destroyForcibly();
                if (waitFor(Duration.ofSeconds(5)).isEmpty()) {
                    throw new TopologyException(this + " survived SIGKILL (stuck in the kernel?)");
                }
            }
            killLeftovers(children);
        }
        return process.exitValue();
    }

    /** Children it forked and did not take down would otherwise outlive it in the namespace. */
    private void killLeftovers(List<ProcessHandle> children) {
        children.stream()
                .filter(child -> ProcessIdentity.isRunning(child.pid()))
                .forEach(ProcessHandle::destroyForcibly);
        if (!Waiting.until(Duration.ofSeconds(5), Duration.ofMillis(5), () -> children.stream()
                .noneMatch(child -> ProcessIdentity.isRunning(child.pid())))) {
            throw new TopologyException("children of " + this + " survived SIGKILL (stuck in the kernel?)");
        }
    }

    @Override
    public String toString() {
        return name() + " (pid " + pid() + ") on " + host;
    }
}
