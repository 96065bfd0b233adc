package org.flannel.reference;

import java.time.Duration;
import java.util.Optional;
import org.flannel.reference.backend.BackendConfig;
import org.flannel.reference.backend.BackendConfigs;
import org.flannel.reference.subnet.ConfigException;
import org.flannel.reference.subnet.NetworkConfig;
import org.flannel.reference.subnet.etcd.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code <prefix>/config} every second until both the network and its backend section are usable,
 * logging each time, in Flannel's words for the step that failed, why not (main.go getConfig, then
 * GetBackend and RegisterNetwork). Where Flannel exits on a bad backend section, this keeps polling, so a
 * corrected config is picked up as a corrected network is; nothing is leased or programmed meanwhile.
 */
final class ConfigPoller {
    static final Duration RETRY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(ConfigPoller.class);
    static final String NOT_FOUND =
            "flannel config not found in etcd store. Did you create your config using etcdv3 API?";

    /** The raw config: empty when the key does not exist. */
    @FunctionalInterface
    interface Source {
        Optional<String> read() throws RegistryException;
    }

    /** Waits between two reads; true when the daemon was stopped meanwhile. */
    @FunctionalInterface
    interface Pause {
        boolean stoppedWithin(Duration duration) throws InterruptedException;
    }

    /** A parsed network config and its validated backend section. */
    record Config(NetworkConfig network, BackendConfig backend) {}

    private final Source source;
    private final Pause pause;

    ConfigPoller(Source source, Pause pause) {
        this.source = source;
        this.pause = pause;
    }

    /** The first usable config; empty when the daemon was stopped first. */
    Optional<Config> awaitUsable() throws InterruptedException {
        while (true) {
            Optional<Config> config = readOnce();
            if (config.isPresent()) {
                return config;
            }
            if (pause.stoppedWithin(RETRY)) {
                return Optional.empty();
            }
        }
    }

    private Optional<Config> readOnce() {
        NetworkConfig network;
        try {
            Optional<String> raw = source.read();
            if (raw.isEmpty()) {
                LOG.error("Couldn't fetch network config: {}", NOT_FOUND);
                return Optional.empty();
            }
            network = NetworkConfig.parse(raw.get());
        } catch (ConfigException | RegistryException e) {
            LOG.error("Couldn't fetch network config: {}", e.getMessage());
            return Optional.empty();
        }
        try {
            BackendConfigs.requireKnownType(network);
        } catch (ConfigException e) {
            LOG.error("Error fetching backend: {}", e.getMessage());
            return Optional.empty();
        }
        try {
            Config config = new Config(network, BackendConfigs.parse(network));
            LOG.info("Found network config - Backend type: {}", network.backendType());
            return Optional.of(config);
        } catch (ConfigException e) {
            LOG.error("Error registering network: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
