package org.flannel.harness.impl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The implementation under test: any executable that takes flanneld's flags. Named by
 * {@code -Dflannel.impl=/abs/path}; the features module defaults it to the reference flanneld.
 */
public record Implementation(Path executable) {
    public static final String PROPERTY = "flannel.impl";

    public static Implementation fromSystemProperties() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + PROPERTY + " is not set: name the flanneld to judge, "
                    + "e.g. -D" + PROPERTY + "=/usr/local/bin/flanneld (mvn verify sets it to the reference implementation)");
        }
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new IllegalStateException("-D" + PROPERTY + "=" + path + " is not an executable file: "
                    + (path.endsWith(Path.of("reference-impl", "target", "flanneld"))
                    ? "build the reference implementation first (mvn -pl reference-impl -am package -DskipTests)"
                    : "give the absolute path of a flanneld-compatible executable"));
        }
        return new Implementation(path);
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

    @Override
    public String toString() {
        return executable.toString();
    }
}
