package org.flannel.harness.topology;

import java.util.List;
import java.util.Map;

/** Anything commands can run in: a node or a container. */
public interface Host {
    String name();

    /** Runs to completion; never throws for a non-zero exit code (use {@link ExecResult#orThrow()}). */
    ExecResult exec(Command command);

    default ExecResult exec(String... argv) {
        return exec(Command.of(argv));
    }

    default ExecResult exec(List<String> argv) {
        return exec(Command.of(argv));
    }

    /**
     * Starts a long-running process whose stdout and stderr go to a log file. It is stopped when the
     * topology is closed, if not before.
     *
     * @param name short label for the log file name and messages, e.g. "flanneld"
     * @param env added to (and overriding) the inherited environment
     */
    ManagedProcess start(String name, List<String> argv, Map<String, String> env);

    default ManagedProcess start(String name, List<String> argv) {
        return start(name, argv, Map.of());
    }
}
