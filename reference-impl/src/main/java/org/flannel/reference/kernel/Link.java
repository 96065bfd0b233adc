package org.flannel.reference.kernel;

import java.util.List;
import java.util.Optional;
import org.flannel.reference.ip.Ip4;

/** A network device as the kernel reports it. {@code vxlan} is present only for vxlan devices. */
public record Link(
        int index,
        String name,
        int mtu,
        MacAddress mac,
        boolean up,
        List<IfAddress> ipv4Addresses,
        Optional<VxlanAttributes> vxlan) {

    public Optional<Ip4> firstIpv4() {
        return ipv4Addresses.stream().findFirst().map(IfAddress::address);
    }

    public boolean hasAddress(Ip4 ip) {
        return ipv4Addresses.stream().anyMatch(a -> a.address().equals(ip));
    }
}
