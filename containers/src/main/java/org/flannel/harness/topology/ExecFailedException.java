package org.flannel.harness.topology;

/** A command exited non-zero; the message has the host, the command, the exit code and stderr. */
public class ExecFailedException extends TopologyException {
    private final transient ExecResult result;

    public ExecFailedException(ExecResult result) {
        super("`" + String.join(" ", result.command()) + "` on " + result.host() + " exited with code "
                + result.exitCode() + ": " + describeOutput(result));
        this.result = result;
    }

    public ExecResult result() {
        return result;
    }

    private static String describeOutput(ExecResult r) {
        String err = r.stderr().strip();
        if (!err.isEmpty()) {
            return err;
        }
        String out = r.stdout().strip();
        return out.isEmpty() ? "(no output)" : "(stdout) " + out;
    }
}
