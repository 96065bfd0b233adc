package org.flannel.harness.topology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A long-running process on a host, its stdout and stderr in one log file. */
public interface ManagedProcess {
    String name();

    long pid();

    boolean isAlive();

    /** Everything written to stdout and stderr so far. */
    String logs();

    Path logFile();

    /** Waits up to {@code limit}; the exit code, or empty if it is still running. */
    Optional<Integer> waitFor(Duration limit);

    /**
     * Sends a signal by name ({@code KILL}, {@code TERM}, {@code INT} ...) and returns at once: for faults a scenario
     * makes (a crash), where {@link #stop} is how the harness itself ends a process.
     */
    void signal(String signal);

    /** SIGTERM, then SIGKILL after {@code grace}; returns the exit code (128+signal when killed). */
    int stop(Duration grace);
}
