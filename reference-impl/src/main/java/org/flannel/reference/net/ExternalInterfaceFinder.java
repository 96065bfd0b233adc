package org.flannel.reference.net;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.kernel.Kernel;
import org.flannel.reference.kernel.Link;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the external interface the way flanneld does (main.go, pkg/ipmatch): each {@code --iface}
 * (a name or an IPv4 address) in order, first match wins, then each {@code --iface-regex}; without them, the interface owning
 * {@code --public-ip}, else the default route's interface. The public IP defaults to the interface's.
 */
public final class ExternalInterfaceFinder {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalInterfaceFinder.class);
    private final Kernel kernel;

    public ExternalInterfaceFinder(Kernel kernel) {
        this.kernel = kernel;
    }

    public ExternalInterface find(List<String> ifaces, List<String> ifaceRegexes, Optional<Ip4> publicIp)
            throws InterfaceLookupException {
        Link link;
        if (!ifaces.isEmpty() || !ifaceRegexes.isEmpty()) {
            link = ifaces.stream().map(this::byNameOrAddress).flatMap(Optional::stream).findFirst()
                    .or(() -> ifaceRegexes.stream().map(this::byRegex).flatMap(Optional::stream).findFirst())
                    .orElseThrow(() -> new InterfaceLookupException(
                            "Failed to find interface to use that matches the interfaces and/or regexes provided"));
        } else if (publicIp.isPresent()) {
            link = byAddress(publicIp.get()).orElseThrow(() -> new InterfaceLookupException(
                    "Failed to find any valid interface to use: error looking up interface " + publicIp.get()
                            + ": no interface with given IP found"));
        } else {
            link = kernel.defaultRouteLink().orElseThrow(() -> new InterfaceLookupException(
                    "Failed to find any valid interface to use: failed to get default interface: "
                            + "no default route; name one with --iface"));
        }
        Ip4 ifaceAddr = link.firstIpv4().orElseThrow(() -> new InterfaceLookupException(
                "Failed to find any valid interface to use: failed to find IPv4 address for interface " + link.name()));
        if (link.mtu() == 0) {
            throw new InterfaceLookupException("failed to determine MTU for " + ifaceAddr + " interface");
        }
        LOG.info("Using interface with name {} and address {}", link.name(), ifaceAddr);
        Ip4 extAddr = publicIp.orElse(ifaceAddr);
        if (publicIp.isPresent()) {
            LOG.info("Using {} as external address", extAddr);
        } else {
            LOG.info("Defaulting external address to interface address ({})", ifaceAddr);
        }
        return new ExternalInterface(link.name(), link.index(), ifaceAddr, extAddr, link.mtu());
    }

    private Optional<Link> byNameOrAddress(String iface) {
        Optional<Ip4> asAddress = parseIp(iface);
        return asAddress.isPresent() ? byAddress(asAddress.get()) : kernel.link(iface);
    }

    /** Like Flannel, a regex is tried against every interface address first, then against the names. */
    private Optional<Link> byRegex(String regex) {
        Pattern pattern = Pattern.compile(regex);
        List<Link> links = kernel.links();
        return links.stream()
                .filter(link -> link.ipv4Addresses().stream().anyMatch(a -> pattern.matcher(a.address().toString()).matches()))
                .findFirst()
                .or(() -> links.stream().filter(link -> pattern.matcher(link.name()).matches()).findFirst());
    }

    private Optional<Link> byAddress(Ip4 ip) {
        return kernel.links().stream().filter(link -> link.hasAddress(ip)).findFirst();
    }

    private static Optional<Ip4> parseIp(String text) {
        try {
            return Optional.of(Ip4.parse(text));
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }
}
