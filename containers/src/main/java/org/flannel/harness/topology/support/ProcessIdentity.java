package org.flannel.harness.topology.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A process is identified by pid and start time (field 22 of /proc/pid/stat), so that a reused
 * pid is not mistaken for the run that owns a ledger (netns) or labelled a container (Docker).
 */
public final class ProcessIdentity {
    private ProcessIdentity() {}

    public static long currentPid() {
        return ProcessHandle.current().pid();
    }

    public static OptionalLong startTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may contain spaces: split after it.
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return OptionalLong.of(Long.parseLong(rest[19]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * True unless the process is gone or a zombie. ProcessHandle.isAlive() counts zombies as alive,
     * and an orphan's zombie lingers until whatever reaps orphans here gets round to it.
     */
    public static boolean isRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X' && state != 'x';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** True if {@code pid} runs and started at {@code startTime}: the very same process. */
    public static boolean isAlive(long pid, long startTime) {
        OptionalLong actual = startTime(pid);
        return actual.isPresent() && actual.getAsLong() == startTime;
    }
}
