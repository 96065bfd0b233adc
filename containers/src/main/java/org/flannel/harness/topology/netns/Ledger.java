package org.flannel.harness.topology.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flannel.harness.topology.TopologyException;
import org.flannel.harness.topology.support.ProcessIdentity;

/**
 * The record of one run, written before anything is created so that a killed run can be swept:
 * <pre>
 * 12345 987654            owner pid and its start time (/proc/pid/stat field 22)
 * netns fc3a9f-node1      one line per namespace, written before the namespace is created
 * dir /tmp/.../fc3a9f     one line per directory, likewise
 * </pre>
 * File name: {@code <prefix>.ledger}. Only what is listed here is ever swept.
 */
final class Ledger {
    static final String SUFFIX = ".ledger";

    record Contents(
            String prefix, long ownerPid, long ownerStartTime, List<String> namespaces, List<Path> directories) {}

    private final Path file;

    private Ledger(Path file) {
        this.file = file;
    }

    static Path fileFor(Path ledgerDir, String prefix) {
        return ledgerDir.resolve(prefix + SUFFIX);
    }

    /** Creates the ledger with its owner line, atomically so a sweeper never reads half of it. */
    static Ledger create(Path ledgerDir, String prefix) {
        Path file = fileFor(ledgerDir, prefix);
        long pid = ProcessIdentity.currentPid();
        long start = ProcessIdentity.startTime(pid)
                .orElseThrow(() -> new TopologyException("cannot read /proc/" + pid + "/stat; is /proc mounted?"));
        try {
            Files.createDirectories(ledgerDir);
            Path temp = Files.createTempFile(ledgerDir, prefix, ".tmp");
            Files.writeString(temp, pid + " " + start + "\n");
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TopologyException(
                    "cannot write ledger " + file + ": " + e + "; is " + ledgerDir + " writable?", e);
        }
        return new Ledger(file);
    }

    Path file() {
        return file;
    }

    void recordNamespace(String namespace) {
        append("netns " + namespace);
    }

    void recordDirectory(Path dir) {
        append("dir " + dir.toAbsolutePath().normalize());
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    private synchronized void append(String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new TopologyException("cannot append to ledger " + file + ": " + e, e);
        }
    }

    /** Reads a ledger; empty if its owner line is missing or garbled. */
    static Optional<Contents> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String name = file.getFileName().toString();
        if (lines.isEmpty() || !name.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String[] owner = lines.get(0).trim().split("\\s+");
        if (owner.length != 2 || !owner[0].matches("\\d+") || !owner[1].matches("\\d+")) {
            return Optional.empty();
        }
        List<String> namespaces = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("netns ")) {
                namespaces.add(line.substring(6).trim());
            } else if (line.startsWith("dir ")) {
                dirs.add(Path.of(line.substring(4).trim()));
            }
        }
        String prefix = name.substring(0, name.length() - SUFFIX.length());
        return Optional.of(new Contents(prefix, Long.parseLong(owner[0]), Long.parseLong(owner[1]), namespaces, dirs));
    }
}
