package org.flannel.harness.topology.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.util.Arrays;
import java.util.List;

/** What Docker holds of a run, looked up by its label as a user would with `docker ps -a --filter label=...`. */
final class DockerState {
    private DockerState() {}

    static DockerClient client() {
        return DockerConnection.shared().client();
    }

    static List<String> containerNames(String run) {
        return client()
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(List.of(Labels.RUN + "=" + run))
                .exec()
                .stream()
                .map(DockerState::name)
                .sorted()
                .toList();
    }

    static List<String> networkNames(String run) {
        return client().listNetworksCmd().withFilter("label", List.of(Labels.RUN + "=" + run)).exec().stream()
                .map(network -> network.getName())
                .sorted()
                .toList();
    }

    static boolean containerExists(String name) {
        return client().listContainersCmd().withShowAll(true).exec().stream().anyMatch(c -> name(c).equals(name));
    }

    private static String name(Container container) {
        return Arrays.stream(container.getNames()).findFirst().orElse("").replaceFirst("^/", "");
    }
}
