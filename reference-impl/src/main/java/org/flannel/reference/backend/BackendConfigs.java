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
    /** Backends Flannel knows that this implementation does not (yet) provide. */
    private static final Set<String> NOT_IMPLEMENTED =
            Set.of("ipip", "ipsec", "wireguard", "alloc", "extension", "tencent-vpc");

    private BackendConfigs() {
    }

    public static BackendConfig parse(NetworkConfig config) throws ConfigException {
        String type = config.backendType().toLowerCase(Locale.ROOT);
        if (type.equals("vxlan")) {
            return VxlanConfig.parse(config.backend());
        }
        if (type.equals("udp")) {
            return UdpConfig.parse(config.backend()); // also when the config has no Backend, as in Flannel
        }
        if (type.equals("host-gw")) {
            return new HostGwConfig();
        }
        if (NOT_IMPLEMENTED.contains(type)) {
            throw new ConfigException("backend type " + type + " is not supported by this flanneld yet"
                    + "; use \"Backend\": {\"Type\": \"vxlan\"}, \"udp\" or \"host-gw\"");
        }
        throw new ConfigException("unknown backend type: " + type);
    }
}
