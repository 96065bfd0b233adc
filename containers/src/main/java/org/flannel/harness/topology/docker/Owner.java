package org.flannel.harness.topology.docker;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.flannel.harness.topology.support.ProcessIdentity;

/**
 * The process that owns a run, written into a label of everything the run creates as
 * {@code host/boot-id/pid/start-time}: a sweeper on the same host removes the run once that process
 * is gone (dead, its pid reused, or the machine rebooted). Runs of other hosts sharing the daemon are
 * never judged: their processes cannot be seen from here.
 */
record Owner(String host, String bootId, long pid, long startTime) {
    static Owner current() {
        long pid = ProcessIdentity.currentPid();
        return new Owner(
                readHostName(),
                readBootId(),
                pid,
                ProcessIdentity.startTime(pid).orElse(0));
    }

    static Optional<Owner> parse(String label) {
        String[] parts = label == null ? new String[0] : label.split("/");
        if (parts.length != 4 || !parts[2].matches("\\d+") || !parts[3].matches("\\d+")) {
            return Optional.empty();
        }
        return Optional.of(new Owner(parts[0], parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3])));
    }

    String label() {
        return host + "/" + bootId + "/" + pid + "/" + startTime;
    }

    /** True when this host can tell, and does, that the owner no longer runs. */
    boolean isGoneSeenFrom(Owner here) {
        if (!host.equals(here.host)) {
            return false;
        }
        if (!bootId.equals(here.bootId)) {
            return true;
        }
        return !ProcessIdentity.isAlive(pid, startTime);
    }

    private static String readBootId() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String readHostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!name.isEmpty()) {
                return name.replace('/', '_');
            }
        } catch (IOException e) {
            // not Linux: ask the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName().replace('/', '_');
        } catch (IOException e) {
            return "localhost";
        }
    }
}
