package org.flannel.harness.topology.docker;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.flannel.harness.topology.TopologyException;

/** Chooses the run prefix: "fc" + 4 hex digits, or the configured one; never one Docker already has. */
final class RunPrefix {
    private static final String FORMAT = "[a-z][a-z0-9]{1,7}";

    private RunPrefix() {}

    static String choose(DockerSettings settings, DockerClient client) {
        if (settings.runPrefix().isPresent()) {
            String prefix = settings.runPrefix().get();
            if (!prefix.matches(FORMAT)) {
                throw new TopologyException("flannel.run.prefix '" + prefix + "' must match " + FORMAT
                        + " (lower-case letter, then up to 7 lower-case letters or digits)");
            }
            if (isTaken(prefix, settings, client)) {
                throw new TopologyException("run prefix '" + prefix + "' is in use (containers or networks labelled "
                        + Labels.RUN + "=" + prefix + ", or its work directory, exist); choose another flannel.run.prefix "
                        + "or remove what is left");
            }
            return prefix;
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            String prefix = String.format("fc%04x", ThreadLocalRandom.current().nextInt(0x10000));
            if (!isTaken(prefix, settings, client)) {
                return prefix;
            }
        }
        throw new TopologyException("no free run prefix after 100 tries");
    }

    private static boolean isTaken(String prefix, DockerSettings settings, DockerClient client) {
        List<String> label = List.of(Labels.RUN + "=" + prefix);
        return Files.exists(settings.workRoot().resolve(prefix))
                || !client.listContainersCmd().withShowAll(true).withLabelFilter(label).exec().isEmpty()
                || !client.listNetworksCmd().withFilter("label", label).exec().isEmpty();
    }
}
