package org.flannel.harness.steps;

import org.flannel.harness.kernel.RouteRow;

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

    /** Whether {@code route} (a node's route to {@code subnet}, or null for none) is this way to the peer. */
    boolean matches(RouteRow route, String peerAddress, String subnet) {
        if (route == null) {
            return false;
        }
        return switch (this) {
            case THROUGH_VXLAN ->
                route.gateway().equals(subnet.split("/")[0])
                        && route.iface().equals("flannel.1")
                        && "onlink".equals(route.options());
            case VIA_THE_NODE ->
                route.gateway().equals(peerAddress) && route.iface().equals("eth0");
        };
    }

    @Override
    public String toString() {
        return phrase;
    }
}
