package org.flannel.reference.backend;

import org.flannel.reference.kernel.Kernel;
import org.flannel.reference.net.ExternalInterface;
import org.flannel.reference.subnet.NetworkConfig;

/** A validated {@code Backend} section of the network config, able to make its backend for this node. */
public interface BackendConfig {
    Backend newBackend(NetworkConfig network, ExternalInterface iface, Kernel kernel);
}
