package org.flannel.harness.topology.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Looks processes up by an argument: tests use unusual sleep durations as markers. */
final class OsProcesses {
    private OsProcesses() {}

    static List<Long> withArgument(String marker) throws IOException {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (List.of(cmdline.split("\0")).contains(marker)) {
                        pids.add(Long.parseLong(proc.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // exited while we looked
                }
            }
        }
        return pids;
    }

    static List<String> namespacesStartingWith(String prefix) throws IOException, InterruptedException {
        Process ip = new ProcessBuilder("/usr/sbin/ip", "netns", "list").start();
        String out = new String(ip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ip.waitFor();
        List<String> names = new ArrayList<>();
        for (String line : out.split("\n")) {
            String name = line.trim().split("\\s+")[0];
            if (!name.isEmpty() && name.startsWith(prefix)) {
                names.add(name);
            }
        }
        return names;
    }

    static void run(String... argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", argv) + " failed: " + out);
        }
    }
}
