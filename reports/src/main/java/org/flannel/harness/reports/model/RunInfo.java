package org.flannel.harness.reports.model;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the run was made, for the front page: the implementation judged, the topology driver, the versions,
 * the date, the commit; and its verdict, requirement by requirement ({@link RunVerdicts#status}).
 */
public record RunInfo(
        String implementation,
        String driver,
        String cucumber,
        String runtime,
        String os,
        Instant started,
        Instant finished,
        String commit,
        Status status) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public static RunInfo of(Run run, String implementation, String driver, String commit) {
        String impl = implementation == null || implementation.isBlank()
                ? ""
                : Path.of(implementation).toAbsolutePath().normalize().toString();
        return new RunInfo(
                impl,
                driver == null || driver.isBlank() ? "netns" : driver,
                run.cucumber().strip(),
                run.runtime().strip(),
                run.os().strip(),
                run.started(),
                run.finished(),
                commit == null ? "" : commit,
                RunVerdicts.of(run.scenarios()).status());
    }

    /** "the reference flanneld (Java, this repository)" for ours, else the executable's path. */
    public String implementationName() {
        if (implementation.isBlank()) {
            return "not recorded";
        }
        Path path = Path.of(implementation).normalize();
        if (path.endsWith(Path.of("reference-impl", "target", "flanneld"))) {
            return "reference flanneld (Java, this repository)";
        }
        if (path.getParent() != null
                && path.getParent().getFileName() != null
                && path.toString().contains("impls")) {
            return path.getParent().getFileName() + "/" + path.getFileName();
        }
        return path.toString();
    }

    public String driverName() {
        return switch (driver) {
            case "netns" -> "netns (network namespaces on this machine)";
            case "docker" -> "docker (a container per node)";
            default -> driver;
        };
    }

    public String date() {
        return started == null ? "an unknown date" : DATE.format(started);
    }

    public String duration() {
        if (started == null || finished == null) {
            return finished == null && started != null ? "did not finish (killed?)" : "unknown";
        }
        Duration d = Duration.between(started, finished);
        return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
}
