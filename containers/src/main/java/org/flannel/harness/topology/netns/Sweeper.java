package org.flannel.harness.topology.netns;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.flannel.harness.topology.support.Directories;
import org.flannel.harness.topology.support.ProcessIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what killed runs left behind: for every ledger whose owner process is gone (dead, or
 * its pid reused by another process), kills the processes in its namespaces, deletes the
 * namespaces and directories, then the ledger. Nothing that is not in a ledger is touched.
 */
public final class Sweeper {
    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);
    private static final Duration GRACE = Duration.ofSeconds(1);

    /** What a sweep did: the run prefixes it removed, and what it could not remove. */
    public record Result(List<String> sweptRuns, List<String> problems) {}

    private final Path ledgerDir;
    private final Netns netns;

    Sweeper(Path ledgerDir, ProcessRunner runner) {
        this.ledgerDir = ledgerDir;
        this.netns = new Netns(runner);
    }

    /** Sweeps the ledgers in the configured ledger directory (see {@link NetnsSettings}). */
    public static Result sweepStale() {
        return sweepStale(NetnsSettings.fromSystemProperties().ledgerDir());
    }

    public static Result sweepStale(Path ledgerDir) {
        Preflight.requireRoot();
        return new Sweeper(ledgerDir, new ProcessRunner()).sweep();
    }

    /** For scripts: sweeps, prints what it removed, exits 1 if something could not be removed. */
    public static void main(String[] args) {
        Path dir = args.length > 0
                ? Path.of(args[0])
                : NetnsSettings.fromSystemProperties().ledgerDir();
        Result result = sweepStale(dir);
        System.out.println(
                "swept " + result.sweptRuns().size() + " stale run(s) from " + dir + ": " + result.sweptRuns());
        result.problems().forEach(problem -> System.out.println("problem: " + problem));
        System.exit(result.problems().isEmpty() ? 0 : 1);
    }

    Result sweep() {
        List<String> swept = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(ledgerDir)) {
            return new Result(swept, problems);
        }
        try (DirectoryStream<Path> ledgers = Files.newDirectoryStream(ledgerDir, "*" + Ledger.SUFFIX)) {
            for (Path file : ledgers) {
                sweepOne(file, swept, problems);
            }
        } catch (IOException e) {
            problems.add("cannot list " + ledgerDir + ": " + e);
        }
        if (!swept.isEmpty()) {
            LOG.debug("swept stale runs {}", swept);
        }
        return new Result(swept, problems);
    }

    private void sweepOne(Path file, List<String> swept, List<String> problems) {
        Optional<Ledger.Contents> read;
        try {
            read = Ledger.read(file);
        } catch (IOException e) {
            return; // Deleted meanwhile by its owner or another sweeper.
        }
        if (read.isEmpty()) {
            problems.add(file + " is not a ledger (bad owner line); left alone");
            return;
        }
        Ledger.Contents ledger = read.get();
        if (ProcessIdentity.isAlive(ledger.ownerPid(), ledger.ownerStartTime())) {
            return;
        }
        int problemsBefore = problems.size();
        NetnsNames names = new NetnsNames(ledger.prefix());
        for (String namespace : reversed(ledger.namespaces())) {
            if (!names.owns(namespace)) {
                problems.add(file + " lists namespace " + namespace + " without its prefix; left alone");
                continue;
            }
            try {
                netns.delete(namespace, GRACE);
            } catch (RuntimeException e) {
                problems.add("namespace " + namespace + ": " + e.getMessage());
            }
        }
        for (Path dir : reversed(ledger.directories())) {
            deleteDirectory(ledger.prefix(), dir, file, problems);
        }
        if (problems.size() == problemsBefore) {
            try {
                Files.deleteIfExists(file);
                swept.add(ledger.prefix());
            } catch (IOException e) {
                problems.add("cannot delete " + file + ": " + e);
            }
        }
    }

    /** Deletes a run directory recursively, refusing any path that does not carry the run prefix. */
    static void deleteDirectory(String prefix, Path dir, Path ledger, List<String> problems) {
        Path normal = dir.toAbsolutePath().normalize();
        if (normal.getFileName() == null || !normal.getFileName().toString().startsWith(prefix)) {
            problems.add(
                    ledger + " lists directory " + dir + " whose name lacks the prefix " + prefix + "; left alone");
            return;
        }
        try {
            Directories.deleteRecursively(normal);
        } catch (IOException e) {
            problems.add("cannot delete " + normal + ": " + e);
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
