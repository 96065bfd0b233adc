package org.flannel.harness.topology;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How topologies are built, for both drivers: read once from the run's properties by whoever starts a run
 * and handed to {@link TopologyDrivers}. The properties:
 * <ul>
 * <li>{@code flannel.topology}: {@code netns} (default) or {@code docker};</li>
 * <li>{@code flannel.run.prefix}: a fixed run prefix (default random "fc" + 4 hex digits);</li>
 * <li>{@code flannel.work.dir}: parent of per-run work dirs (default $TMPDIR/flannel-conformance);</li>
 * <li>{@code flannel.keep.workdir}: {@code true} keeps logs, captures and etcd data after close;</li>
 * <li>{@code flannel.ledger.dir}: where the netns driver keeps its ledgers (default /run/flannel-conformance);</li>
 * <li>{@code flannel.docker.baseImage}: an image to use as it is instead of building one;</li>
 * <li>{@code flannel.docker.privileged}: {@code true} runs Docker hosts privileged instead of with the
 *     capabilities they need;</li>
 * <li>{@code flannel.docker.mounts}: more host directories ({@code :}-separated) to show to every Docker host;</li>
 * <li>{@code flannel.docker.copyMounts}: {@code true} copies those directories in instead of bind-mounting them;</li>
 * <li>{@code flannel.docker.mirror}: the Debian mirror the base image is built from.</li>
 * </ul>
 */
public record TopologySettings(
        String driver,
        Optional<String> runPrefix,
        Path workRoot,
        boolean keepWorkDir,
        Path ledgerDir,
        Optional<String> dockerBaseImage,
        boolean dockerPrivileged,
        List<Path> dockerMounts,
        boolean dockerCopyMounts,
        String debianMirror) {
    public static final String NETNS = "netns";
    public static final String DOCKER = "docker";
    public static final List<String> DRIVERS = List.of(NETNS, DOCKER);
    public static final String DEFAULT_MIRROR = "http://deb.debian.org/debian";

    public TopologySettings {
        if (!DRIVERS.contains(driver)) {
            throw new IllegalArgumentException("-Dflannel.topology=" + driver + " is not a driver; choose " + NETNS
                    + " (the default) or " + DOCKER);
        }
        dockerMounts = List.copyOf(dockerMounts);
    }

    /** From the JVM's system properties: for tools and tests that start a topology on their own. */
    public static TopologySettings fromSystemProperties() {
        return from(System::getProperty);
    }

    /** From properties looked up by name ({@code null} when unset). */
    public static TopologySettings from(Function<String, String> property) {
        Function<String, String> text =
                name -> Optional.ofNullable(property.apply(name)).orElse("").trim();
        String workDir = text.apply("flannel.work.dir");
        String ledgerDir = text.apply("flannel.ledger.dir");
        String mirror = text.apply("flannel.docker.mirror");
        String driver = text.apply("flannel.topology").toLowerCase(Locale.ROOT);
        return new TopologySettings(
                driver.isEmpty() ? NETNS : driver,
                optional(text.apply("flannel.run.prefix")),
                workDir.isEmpty()
                        ? Path.of(System.getProperty("java.io.tmpdir"), "flannel-conformance")
                        : Path.of(workDir),
                Boolean.parseBoolean(text.apply("flannel.keep.workdir")),
                ledgerDir.isEmpty() ? Path.of("/run/flannel-conformance") : Path.of(ledgerDir),
                optional(text.apply("flannel.docker.baseImage")),
                Boolean.parseBoolean(text.apply("flannel.docker.privileged")),
                paths(text.apply("flannel.docker.mounts")),
                Boolean.parseBoolean(text.apply("flannel.docker.copyMounts")),
                mirror.isEmpty() ? DEFAULT_MIRROR : mirror);
    }

    private static Optional<String> optional(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static List<Path> paths(String list) {
        List<Path> paths = new ArrayList<>();
        for (String entry : list.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                paths.add(Path.of(entry.trim()).toAbsolutePath().normalize());
            }
        }
        return paths;
    }
}
