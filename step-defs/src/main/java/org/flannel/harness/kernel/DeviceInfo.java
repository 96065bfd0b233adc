package org.flannel.harness.kernel;

import java.util.List;
import java.util.Map;

/**
 * A device's attributes as the kernel reports them ({@code ip -details address show}), by the names the
 * features use: type, vni, local, dev, dstport, learning, mtu, ipv4, state, mac.
 */
public record DeviceInfo(String name, Map<String, String> attributes, List<String> ipv4) {

    public String attribute(String name) {
        return attributes.getOrDefault(name, "");
    }
}
