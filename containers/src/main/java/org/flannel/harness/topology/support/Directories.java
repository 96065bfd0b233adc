package org.flannel.harness.topology.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Deletes directory trees, never through a file system still mounted inside them. */
public final class Directories {
    private Directories() {}

    /** Unmounts what is mounted inside (a killed debootstrap leaves proc, sys ...), then deletes. */
    public static void deleteRecursively(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        for (Path mount : mountsUnder(root)) {
            try {
                new ProcessBuilder("umount", "-l", mount.toString())
                        .redirectErrorStream(true)
                        .start()
                        .waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while unmounting " + mount, e);
            }
        }
        if (!mountsUnder(root).isEmpty()) {
            throw new IOException(
                    "file systems are still mounted under " + root + ": " + mountsUnder(root) + "; not deleting it");
        }
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Mount points at or below {@code root}, deepest first. */
    private static List<Path> mountsUnder(Path root) throws IOException {
        List<Path> mounts = new ArrayList<>();
        Path mountinfo = Path.of("/proc/self/mountinfo");
        if (!Files.exists(mountinfo)) {
            return mounts;
        }
        for (String line : Files.readAllLines(mountinfo)) {
            String[] fields = line.split(" ");
            if (fields.length > 4) {
                Path point = Path.of(fields[4].replace("\\040", " "));
                if (point.startsWith(root)) {
                    mounts.add(point);
                }
            }
        }
        mounts.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        return mounts;
    }
}
