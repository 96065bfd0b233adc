package org.flannel.reference.backend.hostgw;

import org.flannel.reference.backend.Backend;
import org.flannel.reference.backend.LeaseSource;
import org.flannel.reference.backend.Network;
import org.flannel.reference.kernel.Kernel;
import org.flannel.reference.net.ExternalInterface;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseAttrs;

/**
 * The host-gw backend (hostgw.go): no device and no encapsulation; each remote subnet is routed via
 * the node that owns it, which therefore must be on the same L2 segment. Behind NAT that cannot work,
 * so it refuses a public IP other than the interface's, as Flannel does.
 */
final class HostGwBackend implements Backend {
    static final String TYPE = "host-gw";

    private final ExternalInterface iface;
    private final Kernel kernel;

    HostGwBackend(ExternalInterface iface, Kernel kernel) {
        this.iface = iface;
        this.kernel = kernel;
    }

    @Override
    public Network register(LeaseSource leases) throws Exception {
        if (!iface.extAddr().equals(iface.ifaceAddr())) {
            throw new IllegalStateException(
                    "your PublicIP differs from interface IP, meaning that probably you're on a "
                            + "NAT, which is not supported by host-gw backend");
        }
        Lease lease = leases.acquire(new LeaseAttrs(iface.extAddr(), null, TYPE, null, null));
        return new HostGwNetwork(kernel, iface, lease);
    }
}
