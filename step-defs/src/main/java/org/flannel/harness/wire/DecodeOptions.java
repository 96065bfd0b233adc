package org.flannel.harness.wire;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which UDP destination ports carry an encapsulated frame.
 *
 * @param vxlanPorts   UDP destination ports decoded as VXLAN (Flannel's default 8472; the IANA port 4789)
 * @param ipInUdpPorts UDP destination ports whose payload is a bare IP packet (Flannel's udp backend, 8285)
 */
public record DecodeOptions(Set<Integer> vxlanPorts, Set<Integer> ipInUdpPorts) {

    public static final int FLANNEL_VXLAN_PORT = 8472;
    public static final int FLANNEL_UDP_BACKEND_PORT = 8285;

    public DecodeOptions {
        vxlanPorts = Set.copyOf(vxlanPorts);
        ipInUdpPorts = Set.copyOf(ipInUdpPorts);
    }

    /** VXLAN on 8472 and Flannel's udp backend on 8285. */
    public static DecodeOptions flannelDefaults() {
        return new DecodeOptions(Set.of(FLANNEL_VXLAN_PORT), Set.of(FLANNEL_UDP_BACKEND_PORT));
    }

    /** VXLAN on the given ports (8472 when none are given), Flannel's udp backend on 8285. */
    public static DecodeOptions vxlanPorts(int... ports) {
        if (ports == null || ports.length == 0) {
            return flannelDefaults();
        }
        Set<Integer> vxlan = Arrays.stream(ports).boxed().collect(Collectors.toUnmodifiableSet());
        return new DecodeOptions(vxlan, Set.of(FLANNEL_UDP_BACKEND_PORT));
    }

    public DecodeOptions withIpInUdpPorts(int... ports) {
        return new DecodeOptions(vxlanPorts, Arrays.stream(ports).boxed().collect(Collectors.toUnmodifiableSet()));
    }
}
