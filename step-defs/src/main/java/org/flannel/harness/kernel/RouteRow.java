package org.flannel.harness.kernel;

import java.util.Objects;

/**
 * A route as {@code route -n} prints it, the way the seed shows node1's table, with the one kernel flag
 * {@code route -n} cannot show and Flannel depends on: {@code onlink} (its gateway is taken as on the
 * link without an address there), in {@code options} ("onlink" or ""; null in an expectation that does
 * not judge it).
 */
public record RouteRow(String destination, String gateway, String genmask, String flags, String iface, String options) {

    public RouteRow(String destination, String gateway, String genmask, String flags, String iface) {
        this(destination, gateway, genmask, flags, iface, null);
    }

    /** This row, as an expectation, describes {@code actual}. */
    public boolean describes(RouteRow actual) {
        return destination.equals(actual.destination)
                && gateway.equals(actual.gateway)
                && genmask.equals(actual.genmask)
                && flags.equals(actual.flags)
                && iface.equals(actual.iface)
                && (options == null || options.equals(actual.options));
    }

    /** Both name the same destination network (whatever the gateway or the device). */
    public boolean sameDestination(RouteRow other) {
        return destination.equals(other.destination) && genmask.equals(other.genmask);
    }

    /** The destination as a network, e.g. 10.1.16.0/24 (the genmask's bits counted). */
    public String network() {
        long mask = 0;
        for (String octet : genmask.split("\\.")) {
            mask = (mask << 8) | Integer.parseInt(octet);
        }
        return destination + "/" + Long.bitCount(mask);
    }

    public String[] cells() {
        return options == null
                ? new String[] {destination, gateway, genmask, flags, iface}
                : new String[] {destination, gateway, genmask, flags, iface, options};
    }

    @Override
    public String toString() {
        return destination + " " + gateway + " " + genmask + " " + flags + " " + iface
                + (Objects.toString(options, "").isEmpty() ? "" : " " + options);
    }
}
