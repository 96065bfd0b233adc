package org.flannel.reference.backend.udp;

import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.kernel.IfAddress;
import org.flannel.reference.kernel.Kernel;
import org.flannel.reference.kernel.Route;

/** Configures the new TUN device as Flannel's configureIface does, in its order. */
final class UdpDevice {
    private final Kernel kernel;
    private final String name;

    UdpDevice(Kernel kernel, String name) {
        this.kernel = kernel;
        this.name = name;
    }

    /**
     * {@code <subnet address>/32} (no broadcast routes that way; the source of host-to-pod traffic and
     * of the ICMP answers), the MTU, up, and the route sending the whole network into the device.
     */
    void configure(Ip4 subnetAddress, Ip4Net network, int mtu) {
        kernel.addAddress(name, new IfAddress(subnetAddress, 32));
        kernel.setMtu(name, mtu);
        kernel.setUp(name);
        kernel.replaceRoute(Route.dev(network, name));
        // Beyond Flannel: the ICMP net unreachable comes in from the device's own address, which the
        // kernel drops as a martian source unless accept_local is set (Linux >= 5.x).
        kernel.setSysctl("net/ipv4/conf/" + name + "/accept_local", "1");
    }
}
