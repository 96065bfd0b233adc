package org.flannel.harness.topology.docker;

import com.github.dockerjava.api.DockerClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.flannel.harness.topology.TopologyException;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;

/**
 * The Docker daemon, found the way Testcontainers finds it (DOCKER_HOST and its TLS variables,
 * {@code docker.host} in ~/.testcontainers.properties, the unix socket ...). Only that discovery is
 * used, never {@code DockerClientFactory.client()}: so no Ryuk container, no start-up checks and no
 * {@code alpine} pulled to guess the host's address, and no TESTCONTAINERS_* variable is needed.
 */
record DockerConnection(DockerClient client, URI dockerHost) {
    private static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");
    private static DockerConnection shared;

    static synchronized DockerConnection shared() {
        if (shared == null) {
            shared = open();
        }
        return shared;
    }

    private static DockerConnection open() {
        requireSomewhereToLook(
                System.getenv("DOCKER_HOST"),
                DEFAULT_SOCKET,
                Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        List<DockerClientProviderStrategy> strategies = new ArrayList<>();
        ServiceLoader.load(DockerClientProviderStrategy.class).forEach(strategies::add);
        try {
            DockerClientProviderStrategy strategy = DockerClientProviderStrategy.getFirstValidStrategy(strategies);
            DockerClient client = strategy.getDockerClient();
            client.pingCmd().exec();
            return new DockerConnection(client, strategy.getTransportConfig().getDockerHost());
        } catch (RuntimeException e) {
            throw unreachable(e.getMessage(), e);
        }
    }

    /** A unix socket or a TCP address on this machine: bind mounts and host paths mean the same there. */
    boolean isLocal() {
        String scheme = dockerHost.getScheme();
        if ("unix".equals(scheme) || "npipe".equals(scheme)) {
            return true;
        }
        String host = dockerHost.getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    /** Fails at once, with what to do, when there is no daemon to try: no DOCKER_HOST, no socket, no configuration. */
    static void requireSomewhereToLook(String dockerHost, Path socket, Path userConfig) {
        if (dockerHost == null && !Files.exists(socket) && !Files.exists(userConfig)) {
            throw unreachable("DOCKER_HOST is not set and " + socket + " does not exist", null);
        }
    }

    private static TopologyException unreachable(String why, Throwable cause) {
        return new TopologyException(
                "Docker is unreachable (" + why + "). Start the daemon, e.g. as root: "
                        + "apt-get install -y docker.io && (dockerd > /var/log/dockerd.log 2>&1 &), then check `docker info`; "
                        + "or point DOCKER_HOST at a running daemon",
                cause);
    }
}
