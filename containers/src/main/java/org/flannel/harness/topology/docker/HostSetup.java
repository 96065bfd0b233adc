package org.flannel.harness.topology.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flannel.harness.topology.TopologySpec.InterfaceSpec;
import org.flannel.harness.topology.support.HostCommands;

/**
 * Configures a host's container once it runs, like the netns driver configures a namespace:
 * interfaces named as in the spec, TX checksum offload off (captures show real checksums), the
 * default route the spec asks for instead of Docker's, and /proc/sys writable (Docker mounts it
 * read-only; flanneld and pods set sysctls).
 */
final class HostSetup {
    /** What becomes of the default route when the spec gives the host no gateway. */
    enum WithoutGateway {
        ON_LINK_ETH0,
        NONE
    }

    private HostSetup() {}

    static void configure(
            DockerHost host, List<InterfaceSpec> interfaces, Optional<String> gateway, WithoutGateway withoutGateway) {
        String addresses = host.exec("ip", "-o", "-4", "addr", "show").orThrow().stdout();
        List<String> script = new ArrayList<>(List.of(
                "set -e",
                "[ -w /proc/sys/net/ipv4/ip_forward ] || mount -o remount,rw /proc/sys",
                "mkdir -p /run/flannel-conformance"));
        script.addAll(InterfaceNames.renames(InterfaceNames.parseAddresses(addresses), interfaces, host.name()));
        for (InterfaceSpec iface : interfaces) {
            script.add(HostCommands.txChecksumOffloadOff(iface.name()));
        }
        script.add("while ip route del default 2>/dev/null; do :; done");
        if (gateway.isPresent()) {
            script.add("ip route add default via " + gateway.get());
        } else if (withoutGateway == WithoutGateway.ON_LINK_ETH0) {
            script.add("ip route add default dev " + interfaces.get(0).name());
        }
        host.shell("configuring interfaces and routes", String.join("\n", script));
    }
}
