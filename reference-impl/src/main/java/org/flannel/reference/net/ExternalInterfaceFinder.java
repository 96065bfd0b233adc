package org.flannel.reference.net;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
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
        return find(ifaces, ifaceRegexes, Optional.empty(), publicIp);
    }

    /** With {@code --iface-can-reach}: when no interface is named, the one the kernel would use to reach it. */
    public ExternalInterface find(
            List<String> ifaces, List<String> ifaceRegexes, Optional<Ip4> canReach, Optional<Ip4> publicIp)
            throws InterfaceLookupException {
        Match match;
        if (ifaces.isEmpty() && ifaceRegexes.isEmpty() && canReach.isPresent()) {
            match = kernel.routeTo(canReach.get())
                    .flatMap(route -> route.device())
                    .flatMap(kernel::link)
                    .map(Match::firstAddress)
                    .orElseThrow(() -> new InterfaceLookupException(
                            "Failed to find any valid interface to use: no interface reaches " + canReach.get()));
        } else if (!ifaces.isEmpty() || !ifaceRegexes.isEmpty()) {
            match = ifaces.stream()
                    .map(this::byNameOrAddress)
                    .flatMap(Optional::stream)
                    .findFirst()
                    .or(() -> ifaceRegexes.stream()
                            .map(this::byRegex)
                            .flatMap(Optional::stream)
                            .findFirst())
                    .orElseThrow(() -> new InterfaceLookupException(
                            "Failed to find interface to use that matches the interfaces and/or regexes provided"));
        } else if (publicIp.isPresent()) {
            match = byAddress(publicIp.get())
                    .orElseThrow(() -> new InterfaceLookupException(
                            "Failed to find any valid interface to use: error looking up interface " + publicIp.get()
                                    + ": no interface with given IP found"));
        } else {
            match = kernel.defaultRouteLink()
                    .map(Match::firstAddress)
                    .orElseThrow(() -> new InterfaceLookupException(
                            "Failed to find any valid interface to use: failed to get default interface: "
                                    + "no default route; name one with --iface"));
        }
        Link link = match.link();
        Ip4 ifaceAddr = match.address()
                .orElseThrow(() -> new InterfaceLookupException(
                        "Failed to find any valid interface to use: failed to find IPv4 address for interface "
                                + link.name()));
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

    /** The interface chosen, and the address it was chosen by (its first IPv4 when chosen by name). */
    private record Match(Link link, Optional<Ip4> address) {
        static Match firstAddress(Link link) {
            return new Match(link, link.firstIpv4());
        }
    }

    private Optional<Match> byNameOrAddress(String iface) {
        Optional<Ip4> asAddress = parseIp(iface);
        return asAddress.isPresent()
                ? byAddress(asAddress.get())
                : kernel.link(iface).map(Match::firstAddress);
    }

    /**
     * Like Flannel, a regex is tried against every interface address first (the matching address is the
     * one used), then against the names; like Go's MatchString it may match anywhere in the text. A
     * regex that does not compile is reported and skipped.
     */
    private Optional<Match> byRegex(String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            LOG.error("Invalid --iface-regex {}: {}", regex, e.getDescription());
            return Optional.empty();
        }
        List<Link> links = kernel.links();
        for (Link link : links) {
            for (var address : link.ipv4Addresses()) {
                if (pattern.matcher(address.address().toString()).find()) {
                    return Optional.of(new Match(link, Optional.of(address.address())));
                }
            }
        }
        return links.stream()
                .filter(link -> pattern.matcher(link.name()).find())
                .findFirst()
                .map(Match::firstAddress);
    }

    /** The given address is the interface address, as Flannel uses it, not the interface's first one. */
    private Optional<Match> byAddress(Ip4 ip) {
        return kernel.links().stream()
                .filter(link -> link.hasAddress(ip))
                .findFirst()
                .map(link -> new Match(link, Optional.of(ip)));
    }

    private static Optional<Ip4> parseIp(String text) {
        try {
            return Optional.of(Ip4.parse(text));
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }
}
