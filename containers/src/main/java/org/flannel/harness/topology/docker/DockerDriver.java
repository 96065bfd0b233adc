package org.flannel.harness.topology.docker;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Files;
import java.util.List;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologyDriver;
import org.flannel.harness.topology.TopologySpec;
import org.flannel.harness.topology.support.RunPrefix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds topologies from Docker containers: a segment is an internal Docker network, a node, router
 * or the etcd member a long-running container on its networks, a pod a network namespace inside its
 * node's container. Needs a Docker daemon (root on this machine for building the base image once).
 */
public final class DockerDriver implements TopologyDriver {
    private static final Logger LOG = LoggerFactory.getLogger(DockerDriver.class);

    private final DockerSettings settings;

    /** Settings from system properties (see {@link DockerSettings}). */
    public DockerDriver() {
        this(DockerSettings.fromSystemProperties());
    }

    public DockerDriver(DockerSettings settings) {
        this.settings = settings;
    }

    /**
     * Makes sure the base image is on the daemon (building it when its recipe's tag is missing) and
     * returns its reference; {@link #create} does this by itself.
     */
    public String prepareImage() {
        return BaseImage.resolve(DockerConnection.shared().client(), settings).reference();
    }

    /** For scripts (CI warming the image up): prints the base image, building it first if the daemon lacks it. */
    public static void main(String[] args) {
        long started = System.nanoTime();
        String image = new DockerDriver().prepareImage();
        System.out.printf("base image %s ready in %d s%n", image, (System.nanoTime() - started) / 1_000_000_000);
    }

    @Override
    public Topology create(TopologySpec spec) {
        long started = System.nanoTime();
        DockerConnection connection = DockerConnection.shared();
        BaseImage.Resolved image = BaseImage.resolve(connection.client(), settings);
        DockerSweeper.Result swept = new DockerSweeper(connection.client()).sweep();
        swept.problems().forEach(problem -> LOG.warn("sweeping stale runs: {}", problem));
        String prefix = choosePrefix(connection.client());
        DockerTopology topology = DockerTopology.open(prefix, spec, settings, connection, image.reference());
        try {
            new DockerAssembler(topology, AppArmor.confinesContainers(connection.client())).assemble();
        } catch (RuntimeException e) {
            topology.closeAfterFailure(e);
            throw e;
        }
        LOG.debug("run {} created in {} ms", prefix, (System.nanoTime() - started) / 1_000_000);
        return topology;
    }

    /** Never a prefix Docker holds containers or networks under, nor one with a work directory. */
    private String choosePrefix(DockerClient client) {
        return RunPrefix.choose(
                settings.runPrefix(),
                prefix -> {
                    List<String> label = List.of(Labels.RUN + "=" + prefix);
                    return Files.exists(settings.workRoot().resolve(prefix))
                            || !client.listContainersCmd()
                                    .withShowAll(true)
                                    .withLabelFilter(label)
                                    .exec()
                                    .isEmpty()
                            || !client.listNetworksCmd()
                                    .withFilter("label", label)
                                    .exec()
                                    .isEmpty();
                },
                prefix -> "containers or networks labelled " + Labels.RUN + "=" + prefix
                        + ", or its work directory, exist");
    }
}
