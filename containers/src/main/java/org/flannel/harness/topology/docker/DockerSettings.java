package org.flannel.harness.topology.docker;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the Docker driver builds its topologies, read from system properties:
 * <ul>
 * <li>{@code flannel.run.prefix}, {@code flannel.work.dir}, {@code flannel.keep.workdir}: as for the
 *     netns driver (run prefix, parent of per-run work dirs, keep logs and captures after close);</li>
 * <li>{@code flannel.docker.baseImage}: an image to use as it is instead of building one (it needs
 *     the tools listed in {@link ImageRecipe});</li>
 * <li>{@code flannel.docker.privileged}: {@code true} runs hosts privileged instead of with
 *     NET_ADMIN, NET_RAW, SYS_ADMIN and /dev/net/tun;</li>
 * <li>{@code flannel.docker.mounts}: more host directories (separated by {@code :}) to show to every
 *     node and router at the same path, read-only; the directories of {@code flannel.impl} and
 *     {@code flannel.impls.dir} always are;</li>
 * <li>{@code flannel.docker.copyMounts}: {@code true} copies those directories into the containers
 *     through the API instead of bind-mounting them (for a daemon on another machine);</li>
 * <li>{@code flannel.docker.mirror}: the Debian mirror the base image is built from.</li>
 * </ul>
 */
public record DockerSettings(Path workRoot, Optional<String> runPrefix, boolean keepWorkDir, Optional<String> baseImage,
        boolean privileged, List<Path> mounts, boolean copyMounts, String debianMirror) {
    public static final String DEFAULT_MIRROR = "http://deb.debian.org/debian";

    public DockerSettings {
        mounts = List.copyOf(mounts);
    }

    public static DockerSettings fromSystemProperties() {
        String prefix = System.getProperty("flannel.run.prefix", "").trim();
        String image = System.getProperty("flannel.docker.baseImage", "").trim();
        return new DockerSettings(
                Path.of(System.getProperty("flannel.work.dir",
                        Path.of(System.getProperty("java.io.tmpdir"), "flannel-conformance").toString())),
                prefix.isEmpty() ? Optional.empty() : Optional.of(prefix),
                Boolean.getBoolean("flannel.keep.workdir"),
                image.isEmpty() ? Optional.empty() : Optional.of(image),
                Boolean.getBoolean("flannel.docker.privileged"),
                mountsFromSystemProperties(),
                Boolean.getBoolean("flannel.docker.copyMounts"),
                System.getProperty("flannel.docker.mirror", DEFAULT_MIRROR).trim());
    }

    public DockerSettings withRunPrefix(String prefix) {
        return new DockerSettings(workRoot, Optional.of(prefix), keepWorkDir, baseImage, privileged, mounts, copyMounts,
                debianMirror);
    }

    public DockerSettings withMounts(List<Path> directories) {
        return new DockerSettings(workRoot, runPrefix, keepWorkDir, baseImage, privileged, withoutNested(directories),
                copyMounts, debianMirror);
    }

    public DockerSettings withCopyMounts(boolean copy) {
        return new DockerSettings(workRoot, runPrefix, keepWorkDir, baseImage, privileged, mounts, copy, debianMirror);
    }

    /**
     * The directories of the implementation under test and of the reference flanneld (which mixed clusters
     * run beside it; a launcher finds its jar beside it, a broken variant its base two levels up:
     * {@code flannel.impls.dir} covers those), and whatever else was named.
     */
    static List<Path> mountsFromSystemProperties() {
        List<Path> dirs = new ArrayList<>();
        for (String property : List.of("flannel.impl", "flannel.reference")) {
            addExecutableDirectory(dirs, System.getProperty(property, "").trim());
        }
        addIfDirectory(dirs, pathOf(System.getProperty("flannel.impls.dir", "")));
        for (String entry : System.getProperty("flannel.docker.mounts", "").split(File.pathSeparator)) {
            addIfDirectory(dirs, pathOf(entry));
        }
        return withoutNested(dirs);
    }

    private static void addExecutableDirectory(List<Path> dirs, String executable) {
        if (executable.isEmpty()) {
            return;
        }
        Path path = Path.of(executable).toAbsolutePath().normalize();
        addIfDirectory(dirs, path.getParent());
        try {
            addIfDirectory(dirs, path.toRealPath().getParent());
        } catch (IOException e) {
            // not there (yet): the features say so themselves
        }
    }

    private static Path pathOf(String text) {
        return text.isBlank() ? null : Path.of(text.trim()).toAbsolutePath().normalize();
    }

    private static void addIfDirectory(List<Path> dirs, Path dir) {
        if (dir != null && Files.isDirectory(dir)) {
            dirs.add(dir.toAbsolutePath().normalize());
        }
    }

    /** Drops duplicates and directories inside another one of the list. */
    static List<Path> withoutNested(List<Path> dirs) {
        List<Path> kept = new ArrayList<>();
        for (Path dir : dirs) {
            Path normal = dir.toAbsolutePath().normalize();
            if (dirs.stream().map(d -> d.toAbsolutePath().normalize())
                    .noneMatch(other -> !other.equals(normal) && normal.startsWith(other)) && !kept.contains(normal)) {
                kept.add(normal);
            }
        }
        return kept;
    }
}
