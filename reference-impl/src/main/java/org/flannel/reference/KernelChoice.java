package org.flannel.reference;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.flannel.reference.kernel.Kernel;
import org.flannel.reference.kernel.iproute.IprouteKernel;
import org.flannel.reference.kernel.netlink.NetlinkKernel;

/**
 * Which kernel interface the daemon programs through: {@code netlink} (the default: it leaves the same
 * state as iproute2 and programs 100 peers in tens of milliseconds rather than seconds, see NetlinkKernelIT)
 * or {@code iproute} (runs {@code ip} and {@code bridge}). Chosen by the system property
 * {@value #PROPERTY} or, for the launcher, the environment variable {@value #ENVIRONMENT}; the property wins.
 */
enum KernelChoice {
    NETLINK(NetlinkKernel::open),
    IPROUTE(IprouteKernel::new);

    static final String PROPERTY = "flanneld.kernel";
    static final String ENVIRONMENT = "REFERENCE_FLANNELD_KERNEL";

    private final Supplier<Kernel> factory;

    KernelChoice(Supplier<Kernel> factory) {
        this.factory = factory;
    }

    Kernel open() {
        return factory.get();
    }

    static KernelChoice from(Optional<String> property, Optional<String> environment) {
        Optional<String> named =
                property.filter(value -> !value.isBlank()).or(() -> environment.filter(value -> !value.isBlank()));
        if (named.isEmpty()) {
            return NETLINK;
        }
        return switch (named.get().strip().toLowerCase(Locale.ROOT)) {
            case "netlink" -> NETLINK;
            case "iproute", "iproute2" -> IPROUTE;
            default ->
                throw new IllegalArgumentException("unknown kernel interface \"" + named.get() + "\" in "
                        + (property.filter(value -> !value.isBlank()).isPresent() ? PROPERTY : ENVIRONMENT)
                        + ": use netlink or iproute");
        };
    }

    static KernelChoice fromSystem() {
        return from(Optional.ofNullable(System.getProperty(PROPERTY)), Optional.ofNullable(System.getenv(ENVIRONMENT)));
    }
}
