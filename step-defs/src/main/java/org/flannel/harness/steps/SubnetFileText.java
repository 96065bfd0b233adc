package org.flannel.harness.steps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reading a subnet file (subnet.env) the way Flannel reads it back: its FLANNEL_SUBNET and FLANNEL_NETWORK lines. */
final class SubnetFileText {
    private SubnetFileText() {}

    /** FLANNEL_SUBNET as written, e.g. 10.1.16.1/24; empty when the file or the line is missing. */
    static Optional<String> firstAddress(Path file) {
        return value(file, "FLANNEL_SUBNET");
    }

    /** FLANNEL_NETWORK, e.g. 10.1.0.0/16. */
    static Optional<String> network(Path file) {
        return value(file, "FLANNEL_NETWORK");
    }

    private static Optional<String> value(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(key + "="))
                    .map(line -> line.substring(key.length() + 1).strip())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The subnet FLANNEL_SUBNET lies in: 10.1.16.1/24 gives 10.1.16.0/24. */
    static Optional<String> subnet(Path file) {
        return firstAddress(file).filter(cidr -> cidr.contains("/")).map(cidr -> {
            String[] parts = cidr.split("/");
            return TopologySteps.networkOf(parts[0], Integer.parseInt(parts[1]));
        });
    }
}
