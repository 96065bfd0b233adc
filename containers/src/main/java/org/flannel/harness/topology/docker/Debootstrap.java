package org.flannel.harness.topology.docker;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flannel.harness.topology.TopologyException;

/** Bootstraps a Debian root file system from packages, on this machine (root and the debootstrap package needed). */
final class Debootstrap {
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private Debootstrap() {}

    static void run(ImageRecipe recipe, String mirror, Path rootfs, Path log) {
        Path executable = find("debootstrap")
                .orElseThrow(() -> new TopologyException(
                        "debootstrap not found: apt-get install -y debootstrap (as root), or name a ready image with "
                                + "-Dflannel.docker.baseImage=<image holding " + String.join(", ", recipe.packages())
                                + ">"));
        List<String> argv = List.of(
                executable.toString(),
                "--variant=" + recipe.variant(),
                "--include=" + String.join(",", recipe.packages()),
                recipe.suite(),
                rootfs.toString(),
                mirror);
        try {
            Process process = new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(new File("/dev/null"))
                    .start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new TopologyException(
                        "debootstrap did not finish within " + TIMEOUT.toMinutes() + " min; log " + log);
            }
            if (process.exitValue() != 0) {
                throw new TopologyException(
                        "debootstrap failed (exit " + process.exitValue() + "): `" + String.join(" ", argv)
                                + "`; its log ends with:\n" + tail(log) + "\n(needs root, and " + mirror
                                + " reachable; -Dflannel.docker.mirror names another mirror)");
            }
        } catch (IOException e) {
            throw new TopologyException("cannot run debootstrap: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopologyException("interrupted while bootstrapping the base image", e);
        }
    }

    private static Optional<Path> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        return Stream.of(path.split(":"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
