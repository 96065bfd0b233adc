package org.flannel.harness.wire;

import static org.flannel.harness.wire.FieldKind.HEX;
import static org.flannel.harness.wire.FieldKind.NUMBER;

/**
 * The IPv6 fixed header only: Flannel's IPv4 datapath is what the harness judges, and IPv6 frames on a test
 * link (neighbour discovery) must decode without being mistaken for anything else.
 */
final class Ipv6Decoder {

    private Ipv6Decoder() {}

    static void decode(DecodeContext context, int s, int end) {
        LayerDraft layer = context.newLayer("ipv6", s, end);
        layer.number("version", s, 0, 4, NUMBER);
        layer.number("traffic_class", s, 4, 8, HEX);
        layer.number("flow_label", s + 1, 4, 20, HEX);
        layer.number("payload_length", s + 4, 16, NUMBER);
        layer.number("next_header", s + 6, 8, NUMBER);
        layer.number("hop_limit", s + 7, 8, NUMBER);
        layer.ipv6("source", s + 8);
        layer.ipv6("destination", s + 24);
    }
}
