package org.flannel.harness.run;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.flannel.harness.contracts.conformance.Backends;
import org.flannel.harness.topology.TopologySettings;

/**
 * Everything that decides a run, read once from the run's properties (Maven passes them as system properties)
 * and handed to the steps (through {@link RunSettingsProvider}), the plugins and the drivers. The properties:
 * <ul>
 * <li>{@code flannel.impl}: the flanneld to judge (an absolute path); {@code flannel.impl.image}: or an image
 *     that holds it, at {@code flannel.impl.image.path} (default Flannel's {@code /opt/bin/flanneld});</li>
 * <li>{@code flannel.reference}: the reference flanneld, the other side of mixed clusters;</li>
 * <li>{@code flannel.backends}: the backends the implementation declares (default all);</li>
 * <li>{@code flannel.strict}: {@code true} makes a failed SHOULD fail the verdict too;</li>
 * <li>{@code flannel.reports.dir}: where Cucumber's reports go ({@code flannel.conformance.dir} moves the
 *     conformance report alone);</li>
 * <li>{@code flannel.impls.dir}: the shell implementation and its broken variants, shown to Docker nodes;</li>
 * <li>{@code cucumber.filter.tags}: the selection, recorded in the report;</li>
 * <li>{@code flannel.scale.nodes}: how many nodes the {@code @scale} features start (default
 *     {@value #DEFAULT_SCALE_NODES}, at most {@value #MAX_SCALE_NODES}: one /24 each in a /16 network, and node
 *     addresses 10.168.1.1 to 10.168.1.254);</li>
 * <li>the topology's own, listed in {@link TopologySettings}.</li>
 * </ul>
 */
public record RunSettings(
        Optional<String> implementation,
        Optional<String> reference,
        Optional<String> implementationImage,
        String pathInImage,
        Optional<String> backends,
        boolean strict,
        Optional<Path> reportsDir,
        Optional<Path> conformanceDir,
        Optional<Path> implsDir,
        Optional<String> tagFilter,
        int scaleNodes,
        TopologySettings topology) {
    public static final String IMPLEMENTATION = "flannel.impl";
    public static final String REFERENCE = "flannel.reference";
    public static final String IMAGE = "flannel.impl.image";
    public static final String PATH_IN_IMAGE = "flannel.impl.image.path";
    public static final String BACKENDS = Backends.PROPERTY;
    public static final String STRICT = "flannel.strict";
    public static final String REPORTS_DIR = "flannel.reports.dir";
    public static final String CONFORMANCE_DIR = "flannel.conformance.dir";
    public static final String IMPLS_DIR = "flannel.impls.dir";
    public static final String SCALE_NODES = "flannel.scale.nodes";
    public static final int DEFAULT_SCALE_NODES = 20;
    public static final int MAX_SCALE_NODES = 250;
    /** Flannel's own images keep flanneld here. */
    public static final String DEFAULT_PATH_IN_IMAGE = "/opt/bin/flanneld";

    public static RunSettings fromSystemProperties() {
        return from(System::getProperty);
    }

    /** From properties looked up by name ({@code null} when unset). */
    public static RunSettings from(Function<String, String> property) {
        Function<String, Optional<String>> text = name ->
                Optional.ofNullable(property.apply(name)).map(String::trim).filter(value -> !value.isEmpty());
        return new RunSettings(
                text.apply(IMPLEMENTATION),
                text.apply(REFERENCE),
                text.apply(IMAGE),
                text.apply(PATH_IN_IMAGE).orElse(DEFAULT_PATH_IN_IMAGE),
                text.apply(BACKENDS),
                text.apply(STRICT).map(Boolean::parseBoolean).orElse(false),
                text.apply(REPORTS_DIR).map(RunSettings::absolute),
                text.apply(CONFORMANCE_DIR).map(RunSettings::absolute),
                text.apply(IMPLS_DIR).map(RunSettings::absolute),
                text.apply("cucumber.filter.tags"),
                text.apply(SCALE_NODES).map(RunSettings::scaleNodes).orElse(DEFAULT_SCALE_NODES),
                TopologySettings.from(property));
    }

    /**
     * The {@code @scale} features' N: a whole number from 2 to {@value #MAX_SCALE_NODES}.
     *
     * @throws IllegalArgumentException otherwise, saying what is allowed
     */
    static int scaleNodes(String value) {
        int nodes;
        try {
            nodes = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            nodes = -1;
        }
        if (nodes < 2 || nodes > MAX_SCALE_NODES) {
            throw new IllegalArgumentException("-D" + SCALE_NODES + "=" + value + " is not a node count: give a whole"
                    + " number from 2 to " + MAX_SCALE_NODES + " (default " + DEFAULT_SCALE_NODES + ")");
        }
        return nodes;
    }

    /**
     * The backends the implementation declares: all of them unless {@code flannel.backends} names some.
     *
     * @throws IllegalArgumentException when it names an unknown backend or none, saying which are valid
     */
    public Set<String> declaredBackends() {
        return backends.map(Backends::parse).orElseGet(Backends::all);
    }

    /** The topology driver's name, {@code netns} or {@code docker}. */
    public String driver() {
        return topology.driver();
    }

    /** Where the conformance report goes: its own directory if named, else the reports', else target/cucumber. */
    public Path conformanceReportDir() {
        return conformanceDir.or(() -> reportsDir).orElse(absolute("target/cucumber"));
    }

    /** The implementation under test as a person named it: its path, or the image and the path inside it. */
    public String implementationLabel() {
        return implementationImage
                .map(image -> pathInImage + " from image " + image)
                .or(() -> implementation.map(path -> absolute(path).toString()))
                .orElse("(unset)");
    }

    private static Path absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }
}
