package org.flannel.reference.backend.vxlan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.flannel.reference.kernel.MacAddress;

/** A vxlan lease's BackendData: {@code {"VNI":1,"VtepMAC":"5e:f8:4f:00:e3:37"}}, in that order. */
public record VxlanLeaseData(long vni, MacAddress vtepMac) {

    public JsonNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("VNI", vni);
        node.put("VtepMAC", vtepMac.toString());
        return node;
    }

    /** Reads a peer's BackendData (keys case-insensitive); empty when it has no usable VtepMAC. */
    public static Optional<VxlanLeaseData> from(JsonNode data) {
        if (data == null || !data.isObject()) {
            return Optional.empty();
        }
        long vni = 0;
        MacAddress mac = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            switch (field.getKey().toLowerCase(Locale.ROOT)) {
                case "vni" -> vni = field.getValue().asLong();
                case "vtepmac" -> {
                    try {
                        mac = MacAddress.parse(field.getValue().asText());
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                }
                default -> {}
            }
        }
        return mac == null ? Optional.empty() : Optional.of(new VxlanLeaseData(vni, mac));
    }
}
