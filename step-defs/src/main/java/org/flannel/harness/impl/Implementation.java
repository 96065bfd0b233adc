package org.flannel.harness.impl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A flanneld the harness runs: any executable that takes flanneld's flags, and its role in the run.
 * The run's settings name both: the implementation under test and the reference flanneld, which shares
 * mixed clusters with it (see {@code RunSettings}; the features module sets both to the reference by default).
 */
public record Implementation(Path executable, String role) {
    public static final String UNDER_TEST = "under test";
    public static final String REFERENCE = "reference";

    /** The implementation under test. */
    public Implementation(Path executable) {
        this(executable, UNDER_TEST);
    }

    /**
     * An executable named by a property, checked: set, and an executable file.
     *
     * @param hint what to do when it is not set
     */
    public static Implementation checked(Optional<String> value, String property, String role, String hint) {
        if (value.isEmpty()) {
            throw new IllegalStateException("-D" + property + " is not set: " + hint);
        }
        Path path = Path.of(value.get()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new IllegalStateException("-D" + property + "=" + path + " is not an executable file: "
                    + (path.endsWith(Path.of("reference-impl", "target", "flanneld"))
                            ? "build the reference implementation first (mvn -pl reference-impl -am package -DskipTests)"
                            : "give the absolute path of a flanneld-compatible executable"));
        }
        return new Implementation(path, role);
    }

    /** The command line every node gets, as the contract states it, plus scenario-specific flags. */
    public List<String> argv(
            String etcdEndpoint, String etcdPrefix, String publicIp, Path subnetFile, List<String> extraFlags) {
        List<String> argv = new ArrayList<>(List.of(
                executable.toString(),
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
