package org.flannel.harness.impl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A flanneld the harness runs: any executable that takes flanneld's flags, and its role in the run.
 * The implementation under test is named by {@code -Dflannel.impl=/abs/path}; the reference flanneld,
 * which shares mixed clusters with it, by {@code -Dflannel.reference=/abs/path}. The features module
 * sets both to the reference flanneld by default.
 */
public record Implementation(Path executable, String role) {
    public static final String PROPERTY = "flannel.impl";
    public static final String REFERENCE_PROPERTY = "flannel.reference";
    public static final String UNDER_TEST = "under test";
    public static final String REFERENCE = "reference";

    /** The implementation under test. */
    public Implementation(Path executable) {
        this(executable, UNDER_TEST);
    }

    /** The implementation under test, from {@code -Dflannel.impl}. */
    public static Implementation fromSystemProperties() {
        return fromProperty(PROPERTY, UNDER_TEST, "name the flanneld to judge, e.g. -D" + PROPERTY
                + "=/usr/local/bin/flanneld (mvn verify sets it to the reference implementation)");
    }

    /** The reference flanneld, from {@code -Dflannel.reference}: the other side of a mixed cluster. */
    public static Implementation reference() {
        return fromProperty(REFERENCE_PROPERTY, REFERENCE, "a mixed cluster needs the reference flanneld, e.g. -D"
                + REFERENCE_PROPERTY + "=/abs/path/reference-impl/target/flanneld (features/pom.xml sets it)");
    }

    private static Implementation fromProperty(String property, String role, String hint) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + property + " is not set: " + hint);
        }
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new IllegalStateException("-D" + property + "=" + path + " is not an executable file: "
                    + (path.endsWith(Path.of("reference-impl", "target", "flanneld"))
                    ? "build the reference implementation first (mvn -pl reference-impl -am package -DskipTests)"
                    : "give the absolute path of a flanneld-compatible executable"));
        }
        return new Implementation(path, role);
    }

    /** The command line every node gets, as the contract states it, plus scenario-specific flags. */
    public List<String> argv(String etcdEndpoint, String etcdPrefix, String publicIp, Path subnetFile,
                             List<String> extraFlags) {
        List<String> argv = new ArrayList<>(List.of(executable.toString(),
                "--etcd-endpoints=" + etcdEndpoint,
                "--etcd-prefix=" + etcdPrefix,
                "--iface=eth0",
                "--public-ip=" + publicIp,
                "--subnet-file=" + subnetFile));
        argv.addAll(extraFlags);
        return argv;
    }

    /** e.g. {@code reference: /abs/reference-impl/target/flanneld}. */
    public String describe() {
        return role + ": " + executable;
    }

    @Override
    public String toString() {
        return executable.toString();
    }
}
