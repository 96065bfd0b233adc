package org.flannel.reference.kernel;

import org.flannel.reference.ip.Ip4;

/** What Flannel asks of the kernel when it creates flannel.&lt;VNI&gt;; {@code port} 0 leaves the kernel's default. */
public record VxlanDeviceSpec(
        String name,
        MacAddress mac,
        int mtu,
        int vni,
        Ip4 local,
        String underlayDevice,
        int port,
        boolean learning,
        boolean gbp) {}
