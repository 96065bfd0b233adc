package org.flannel.harness.topology;

import java.util.Optional;

/**
 * Where to capture, written "host:interface" ("node1:eth0", "container-1:eth0") or just a name
 * (the driver picks the interface: eth0 on a host, the bridge on a segment).
 */
public record CapturePoint(String host, Optional<String> iface) {
    public static CapturePoint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("capture point is empty; write host:interface, e.g. node1:eth0");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new CapturePoint(text, Optional.empty());
        }
        String host = text.substring(0, colon);
        String iface = text.substring(colon + 1);
        if (host.isEmpty() || iface.isEmpty() || iface.contains(":")) {
            throw new IllegalArgumentException(
                    "bad capture point '" + text + "'; write host:interface, e.g. node1:eth0");
        }
        return new CapturePoint(host, Optional.of(iface));
    }

    /** The host part of "node1:eth0", or the whole name when there is no colon. */
    public static String hostOf(String nameOrPoint) {
        int colon = nameOrPoint.indexOf(':');
        return colon < 0 ? nameOrPoint : nameOrPoint.substring(0, colon);
    }

    @Override
    public String toString() {
        return iface.map(i -> host + ":" + i).orElse(host);
    }
}
