package org.flannel.harness.topology.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flannel.harness.topology.TopologySettings;

/**
 * How the Docker driver builds its topologies: the run prefix, work dirs and whether they stay after close
 * (as for the netns driver), a ready base image if any, privileged hosts instead of exactly the capabilities
 * they need, the host directories shown to every node and router at the same path (read-only; bind-mounted,
 * or copied in for a daemon on another machine), and the Debian mirror the base image is built from. The
 * properties that set them are listed in {@link TopologySettings}.
 */
public record DockerSettings(
        Path workRoot,
        Optional<String> runPrefix,
        boolean keepWorkDir,
        Optional<String> baseImage,
        boolean privileged,
        List<Path> mounts,
        boolean copyMounts,
        String debianMirror) {
    public static final String DEFAULT_MIRROR = TopologySettings.DEFAULT_MIRROR;

    public DockerSettings {
        mounts = List.copyOf(mounts);
    }

    /**
     * @param executableDirectories the directories of the implementations the run starts (the one under test and
     *     the reference, which mixed clusters run beside it; a launcher finds its jar beside it, a broken variant
     *     its base two levels up): shown to the hosts with the settings' own mounts
     */
    public static DockerSettings of(TopologySettings settings, List<Path> executableDirectories) {
        List<Path> dirs = new ArrayList<>();
        executableDirectories.forEach(dir -> addIfDirectory(dirs, dir));
        settings.dockerMounts().forEach(dir -> addIfDirectory(dirs, dir));
        return new DockerSettings(
                settings.workRoot(),
                settings.runPrefix(),
                settings.keepWorkDir(),
                settings.dockerBaseImage(),
                settings.dockerPrivileged(),
                withoutNested(dirs),
                settings.dockerCopyMounts(),
                settings.debianMirror());
    }

    /** For tools and tests that build a topology on their own: no implementation directories. */
    public static DockerSettings fromSystemProperties() {
        return of(TopologySettings.fromSystemProperties(), List.of());
    }

    public DockerSettings withRunPrefix(String prefix) {
        return new DockerSettings(
                workRoot, Optional.of(prefix), keepWorkDir, baseImage, privileged, mounts, copyMounts, debianMirror);
    }

    public DockerSettings withMounts(List<Path> directories) {
        return new DockerSettings(
                workRoot,
                runPrefix,
                keepWorkDir,
                baseImage,
                privileged,
                withoutNested(directories),
                copyMounts,
                debianMirror);
    }

    public DockerSettings withCopyMounts(boolean copy) {
        return new DockerSettings(workRoot, runPrefix, keepWorkDir, baseImage, privileged, mounts, copy, debianMirror);
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
            if (dirs.stream()
                            .map(d -> d.toAbsolutePath().normalize())
                            .noneMatch(other -> !other.equals(normal) && normal.startsWith(other))
                    && !kept.contains(normal)) {
                kept.add(normal);
            }
        }
        return kept;
    }
}
