package org.flannel.reference.backend.vxlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.kernel.IfAddress;
import org.flannel.reference.kernel.Kernel;
import org.flannel.reference.kernel.KernelException;
import org.flannel.reference.kernel.Link;
import org.flannel.reference.kernel.MacAddress;
import org.flannel.reference.kernel.VxlanAttributes;
import org.flannel.reference.kernel.VxlanDeviceSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * flannel.&lt;VNI&gt;: reused when one with a compatible configuration already exists (so a restarted
 * agent keeps its VTEP MAC and the peers' entries stay right), recreated when not, created otherwise.
 */
final class VxlanDevice {
    private static final Logger LOG = LoggerFactory.getLogger(VxlanDevice.class);
    private static final int KERNEL_DEFAULT_PORT = 8472;

    private final Kernel kernel;
    private final VxlanDeviceSpec spec;

    VxlanDevice(Kernel kernel, VxlanDeviceSpec spec) {
        this.kernel = kernel;
        this.spec = spec;
    }

    /** Makes sure the device exists as specified and returns its MAC, the VTEP MAC to publish. */
    MacAddress ensure() {
        Optional<Link> existing = kernel.link(spec.name());
        if (existing.isPresent()) {
            List<String> differences = differences(existing.get());
            if (differences.isEmpty()) {
                LOG.info(
                        "Reusing existing device \"{}\" (VTEP MAC {})",
                        spec.name(),
                        existing.get().mac());
                return existing.get().mac();
            }
            LOG.warn(
                    "\"{}\" already exists with incompatible configuration: {}; recreating device",
                    spec.name(),
                    String.join(", ", differences));
            kernel.deleteLink(spec.name());
        }
        kernel.createVxlan(spec);
        try {
            kernel.setSysctl("net/ipv6/conf/" + spec.name() + "/accept_ra", "0");
        } catch (KernelException noIpv6) {
            LOG.debug("IPv6 is off here, nothing to turn off: {}", noIpv6.getMessage());
        }
        return spec.mac();
    }

    /**
     * Gives the device exactly one address inside the network, {@code <subnet address>/32} (no broadcast
     * routes that way), removes any other it has there, and brings it up.
     */
    void configure(Ip4Net network, Ip4Net subnet) {
        IfAddress wanted = new IfAddress(subnet.ip(), 32);
        Link link = kernel.link(spec.name()).orElseThrow(() -> new KernelException(spec.name() + " disappeared"));
        for (IfAddress address : link.ipv4Addresses()) {
            if (!address.equals(wanted) && network.contains(address.address())) {
                LOG.info("Removing stale address {} from {}", address, spec.name());
                kernel.deleteAddress(spec.name(), address);
            }
        }
        if (!link.ipv4Addresses().contains(wanted)) {
            kernel.addAddress(spec.name(), wanted);
        }
        kernel.setUp(spec.name());
    }

    /** The kernel's MAC after the device is up must be the one published: catches MAC rewriting policies. */
    void verifyMac(MacAddress published) {
        MacAddress actual = kernel.link(spec.name()).map(Link::mac).orElse(null);
        if (!published.equals(actual)) {
            throw new KernelException(spec.name() + "'s mac address wanted: " + published + ", but got: " + actual);
        }
    }

    private List<String> differences(Link link) {
        List<String> differences = new ArrayList<>();
        if (link.vxlan().isEmpty()) {
            differences.add("type is not vxlan");
            return differences;
        }
        VxlanAttributes actual = link.vxlan().get();
        if (actual.vni() != spec.vni()) {
            differences.add("VNI " + actual.vni() + " instead of " + spec.vni());
        }
        if (!actual.local().equals(Optional.of(spec.local()))) {
            differences.add(
                    "local " + actual.local().map(Object::toString).orElse("none") + " instead of " + spec.local());
        }
        if (!actual.underlayDevice().equals(Optional.of(spec.underlayDevice()))) {
            differences.add("dev " + actual.underlayDevice().orElse("none") + " instead of " + spec.underlayDevice());
        }
        int wantedPort = spec.port() > 0 ? spec.port() : KERNEL_DEFAULT_PORT;
        if (actual.port() != wantedPort) {
            differences.add("dstport " + actual.port() + " instead of " + wantedPort);
        }
        if (actual.gbp() != spec.gbp()) {
            differences.add("gbp " + actual.gbp() + " instead of " + spec.gbp());
        }
        if (actual.group().isPresent()) {
            differences.add("group " + actual.group().get() + " instead of none");
        }
        // Beyond Flannel, which ignores these two: a wrong MTU or learning mode would silently stay.
        if (link.mtu() != spec.mtu()) {
            differences.add("mtu " + link.mtu() + " instead of " + spec.mtu());
        }
        if (actual.learning() != spec.learning()) {
            differences.add((actual.learning() ? "learning" : "nolearning") + " instead of "
                    + (spec.learning() ? "learning" : "nolearning"));
        }
        return differences;
    }
}
