package org.flannel.reference.kernel;

import java.util.Optional;
import org.flannel.reference.ip.Ip4;

/**
 * The attributes of a vxlan device that Flannel creates and compares when it finds one already there.
 * {@code port} 0 means "the kernel's default" (8472) on a request; the kernel always reports the real port.
 */
public record VxlanAttributes(
        int vni,
        Optional<Ip4> local,
        Optional<String> underlayDevice,
        int port,
        boolean learning,
        boolean gbp,
        Optional<Ip4> group) {}
