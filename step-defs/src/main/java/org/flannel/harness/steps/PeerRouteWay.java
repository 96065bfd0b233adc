package org.flannel.harness.steps;

/**
 * How a node must route a peer's subnet, as a scale scenario says it: vxlan's route goes through flannel.1 to the
 * peer's subnet address (onlink), host-gw's via the peer's own address on the underlay. A route to the right
 * destination by another way (a default device, a wrong gateway) does not count.
 */
enum PeerRouteWay {
    THROUGH_VXLAN("through flannel.1"),
    VIA_THE_NODE("via that node");

    static final String PHRASES = "through flannel.1|via that node";
    private final String phrase;

    PeerRouteWay(String phrase) {
        this.phrase = phrase;
    }

    static PeerRouteWay of(String phrase) {
        for (PeerRouteWay way : values()) {
            if (way.phrase.equals(phrase)) {
                return way;
            }
        }
        throw new IllegalArgumentException("no way of routing is called \"" + phrase + "\" (" + PHRASES + ")");
    }

    /** What `ip route` must show after the destination, e.g. "via 10.1.16.0 dev flannel.1 onlink". */
    String expected(String peerAddress, String subnet) {
        return switch (this) {
            case THROUGH_VXLAN -> "via " + subnet.split("/")[0] + " dev flannel.1 onlink";
            case VIA_THE_NODE -> "via " + peerAddress + " dev eth0";
        };
    }

    /** Whether a route's rest of line (from {@link RouteDestinations}) is this way to that peer. */
    boolean matches(String route, String peerAddress, String subnet) {
        return route != null && (route + " ").startsWith(expected(peerAddress, subnet) + " ");
    }

    @Override
    public String toString() {
        return phrase;
    }
}
