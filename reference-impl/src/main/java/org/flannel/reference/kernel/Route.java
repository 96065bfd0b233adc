package org.flannel.reference.kernel;

import java.util.Optional;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;

/** An IPv4 unicast route in the main table. */
public record Route(Ip4Net destination, Optional<Ip4> gateway, Optional<String> device, boolean onlink) {

    /** {@code 10.1.16.0/24 via 10.1.16.0 dev flannel.1 onlink}: vxlan's route to a remote subnet. */
    public static Route onlinkVia(Ip4Net destination, Ip4 gateway, String device) {
        return new Route(destination, Optional.of(gateway), Optional.of(device), true);
    }

    /** {@code 10.1.0.0/16 dev flannel0}: the udp backend's one route, the whole network into its TUN device. */
    public static Route dev(Ip4Net destination, String device) {
        return new Route(destination, Optional.empty(), Optional.of(device), false);
    }

    /** {@code 10.1.16.0/24 via 10.168.0.3 [dev eth0]}: host-gw's (and DirectRouting's) route. */
    public static Route via(Ip4Net destination, Ip4 gateway, Optional<String> device) {
        return new Route(destination, Optional.of(gateway), device, false);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(destination.toString());
        gateway.ifPresent(gw -> text.append(" via ").append(gw));
        device.ifPresent(dev -> text.append(" dev ").append(dev));
        if (onlink) {
            text.append(" onlink");
        }
        return text.toString();
    }
}
