package org.flannel.harness.topology.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The daemon host's DOCKER-USER rules, read on this machine (the tests' daemon is local), if iptables is here. */
final class HostFirewall {
    private HostFirewall() {}

    static List<String> rulesMentioning(String text) throws IOException, InterruptedException {
        List<String> found = new ArrayList<>();
        for (String program : List.of("/usr/sbin/iptables-nft", "/usr/sbin/iptables-legacy")) {
            if (!Files.isExecutable(Path.of(program)) || program.endsWith("legacy") && !legacyTablesExist()) {
                continue; // listing legacy tables would create them
            }
            Process process = new ProcessBuilder(program, "-S", "DOCKER-USER")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            out.lines().filter(line -> line.contains(text)).forEach(found::add);
        }
        return found;
    }

    private static boolean legacyTablesExist() throws IOException {
        Path names = Path.of("/proc/net/ip_tables_names");
        return Files.exists(names) && Files.readAllLines(names).contains("filter");
    }
}
