package org.flannel.harness.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code /proc} says of one process now: resident memory, CPU time used so far (user + system, its threads
 * included) and threads. The agent's pid is the real process: {@code ip netns exec} and the reference's launcher
 * both exec.
 */
record ProcessSample(long rssKiB, double cpuSeconds, int threads) {
    /** Linux's USER_HZ, what /proc/PID/stat counts CPU time in (100 on every common architecture). */
    static final double TICKS_PER_SECOND = 100.0;

    static Optional<ProcessSample> of(long pid) {
        try {
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Optional.of(
                    new ProcessSample(field(status, "VmRSS:"), cpuSeconds(stat), (int) field(status, "Threads:")));
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    /** utime and stime: fields 14 and 15, counted after the command's closing parenthesis (it may hold spaces). */
    static double cpuSeconds(String stat) {
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(rest[11]) + Long.parseLong(rest[12])) / TICKS_PER_SECOND;
    }

    static long field(String status, String name) {
        return status.lines()
                .filter(line -> line.startsWith(name))
                .map(line ->
                        Long.parseLong(line.substring(name.length()).strip().split("\\s+")[0]))
                .findFirst()
                .orElse(0L);
    }
}
