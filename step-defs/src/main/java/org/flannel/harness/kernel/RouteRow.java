package org.flannel.harness.kernel;

/** A route as {@code route -n} prints it, the way the seed shows node1's table. */
public record RouteRow(String destination, String gateway, String genmask, String flags, String iface) {

    public String[] cells() {
        return new String[] {destination, gateway, genmask, flags, iface};
    }
}
