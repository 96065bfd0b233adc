package org.flannel.harness.wire;

import java.util.List;

/**
 * One decoded header.
 *
 * @param name     the prefix every field of this header carries: {@code outer.ipv4}, {@code vxlan},
 *                 {@code inner.quoted.udp}, or just {@code ipv4} in a frame without an inner frame
 * @param protocol the protocol alone: {@code ethernet}, {@code ipv4}, {@code udp}, {@code vxlan}, ...
 * @param offset   byte offset of the header in the frame
 * @param fields   the header's fields in wire order
 */
public record Layer(String name, String protocol, int offset, List<Field> fields) {

    /** Words that can come before a protocol name in a layer name. */
    static final List<String> PREFIX_WORDS = List.of("outer", "inner", "quoted");

    public Layer {
        fields = List.copyOf(fields);
    }

    /** The layer part of a full field name: everything up to and including the protocol word. */
    static String layerOf(String fieldName) {
        String[] parts = fieldName.split("\\.");
        StringBuilder layer = new StringBuilder();
        for (String part : parts) {
            if (layer.length() > 0) {
                layer.append('.');
            }
            layer.append(part);
            if (!PREFIX_WORDS.contains(part)) {
                return layer.toString();
            }
        }
        return layer.toString();
    }
}
