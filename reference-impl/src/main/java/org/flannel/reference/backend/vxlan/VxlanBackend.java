package org.flannel.reference.backend.vxlan;

import org.flannel.reference.backend.Backend;
import org.flannel.reference.backend.LeaseSource;
import org.flannel.reference.backend.Network;
import org.flannel.reference.kernel.Kernel;
import org.flannel.reference.kernel.MacAddress;
import org.flannel.reference.kernel.VxlanDeviceSpec;
import org.flannel.reference.net.ExternalInterface;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseAttrs;
import org.flannel.reference.subnet.NetworkConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vxlan backend (vxlan.go RegisterNetwork): device first, since its MAC goes into the lease; then
 * the lease; then the device's address from the lease, and up.
 */
final class VxlanBackend implements Backend {
    /** Outer Ethernet 14 + IPv4 20 + UDP 8 + VXLAN 8 bytes. */
    static final int ENCAP_OVERHEAD = 50;

    private static final Logger LOG = LoggerFactory.getLogger(VxlanBackend.class);

    private final VxlanConfig config;
    private final NetworkConfig network;
    private final ExternalInterface iface;
    private final Kernel kernel;

    VxlanBackend(VxlanConfig config, NetworkConfig network, ExternalInterface iface, Kernel kernel) {
        this.config = config;
        this.network = network;
        this.iface = iface;
        this.kernel = kernel;
    }

    @Override
    public Network register(LeaseSource leases) throws Exception {
        LOG.info("VXLAN config: {}", config);
        int underlayMtu = config.mtu() > 0 ? config.mtu() : iface.mtu();
        int mtu = underlayMtu - ENCAP_OVERHEAD;
        VxlanDeviceSpec spec = new VxlanDeviceSpec(
                config.deviceName(),
                MacAddress.randomLocallyAdministered(),
                mtu,
                (int) config.vni(),
                iface.extAddr(),
                iface.name(),
                config.port(),
                config.learning(),
                config.gbp());
        VxlanDevice device = new VxlanDevice(kernel, spec);
        MacAddress vtepMac = device.ensure();

        LeaseAttrs attrs = new LeaseAttrs(
                iface.extAddr(), null, "vxlan", new VxlanLeaseData(config.vni(), vtepMac).toJson(), null);
        Lease lease = leases.acquire(attrs);

        device.configure(network.network(), lease.subnet());
        device.verifyMac(vtepMac);
        return new VxlanNetwork(kernel, config, iface, lease, mtu);
    }
}
