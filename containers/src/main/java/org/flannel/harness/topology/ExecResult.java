package org.flannel.harness.topology;

import java.util.List;

/** The outcome of a command run to completion on {@code host}. */
public record ExecResult(String host, List<String> command, int exitCode, String stdout, String stderr) {
    public ExecResult {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Returns this result, or throws {@link ExecFailedException} naming the command and its stderr. */
    public ExecResult orThrow() {
        if (exitCode != 0) {
            throw new ExecFailedException(this);
        }
        return this;
    }
}
