package org.flannel.reference.backend;

import java.util.Locale;
import java.util.Set;
import org.flannel.reference.backend.hostgw.HostGwConfig;
import org.flannel.reference.backend.udp.UdpConfig;
import org.flannel.reference.backend.vxlan.VxlanConfig;
import org.flannel.reference.subnet.ConfigException;
import org.flannel.reference.subnet.NetworkConfig;

/** Chooses and validates the backend named by {@code Backend.Type}, case-insensitively as Flannel does. */
public final class BackendConfigs {
    private static final Set<String> IMPLEMENTED = Set.of("vxlan", "udp", "host-gw");
    /** Backends Flannel knows that this implementation does not (yet) provide. */
    private static final Set<String> NOT_IMPLEMENTED =
            Set.of("ipip", "ipsec", "wireguard", "alloc", "extension", "tencent-vpc");

    private BackendConfigs() {}

    /**
     * Flannel's backend manager look-up (GetBackend): refuses a type no backend answers to, before any
     * of the backend's own options are read.
     */
    public static void requireKnownType(NetworkConfig config) throws ConfigException {
        String type = type(config);
        if (IMPLEMENTED.contains(type)) {
            return;
        }
        if (NOT_IMPLEMENTED.contains(type)) {
            throw new ConfigException("backend type " + type + " is not supported by this flanneld yet"
                    + "; use \"Backend\": {\"Type\": \"vxlan\"}, \"udp\" or \"host-gw\"");
        }
        throw new ConfigException("unknown backend type: " + type);
    }

    /** The backend's section, type and options checked. */
    public static BackendConfig parse(NetworkConfig config) throws ConfigException {
        requireKnownType(config);
        return switch (type(config)) {
            case "vxlan" -> VxlanConfig.parse(config.backend());
            case "udp" -> UdpConfig.parse(config.backend()); // also when the config has no Backend, as in Flannel
            case "host-gw" -> new HostGwConfig();
            default -> throw new IllegalStateException("implemented backend without a parser: " + type(config));
        };
    }

    private static String type(NetworkConfig config) {
        return config.backendType().toLowerCase(Locale.ROOT);
    }
}
