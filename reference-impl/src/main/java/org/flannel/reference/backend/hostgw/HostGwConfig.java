package org.flannel.reference.backend.hostgw;

import org.flannel.reference.backend.Backend;
import org.flannel.reference.backend.BackendConfig;
import org.flannel.reference.kernel.Kernel;
import org.flannel.reference.net.ExternalInterface;
import org.flannel.reference.subnet.NetworkConfig;

/** The host-gw {@code Backend} section: only its Type; host-gw has no options. */
public record HostGwConfig() implements BackendConfig {

    @Override
    public Backend newBackend(NetworkConfig network, ExternalInterface iface, Kernel kernel) {
        return new HostGwBackend(iface, kernel);
    }
}
