package org.flannel.harness.topology.netns;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.flannel.harness.topology.TopologyException;

/** Finds programs on PATH plus the sbin directories a non-login root shell may lack. */
final class Executables {
    private static final String[] EXTRA_DIRS = {
        "/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"
    };

    private Executables() {}

    /** The PATH given to every child, so that `ip netns exec` finds ethtool, tcpdump, etcd ... */
    static String searchPath() {
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null && !path.isBlank()) {
            dirs.addAll(java.util.List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(java.util.List.of(EXTRA_DIRS));
        dirs.remove("");
        return String.join(File.pathSeparator, dirs);
    }

    static Optional<Path> find(String name) {
        if (name.contains("/")) {
            Path path = Path.of(name);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        for (String dir : searchPath().split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The program's path, or an exception naming the Debian package that provides it. */
    static Path require(String name, String debianPackage) {
        return find(name)
                .orElseThrow(() -> new TopologyException(
                        name + " not found on PATH (" + searchPath() + "): apt-get install -y " + debianPackage));
    }
}
