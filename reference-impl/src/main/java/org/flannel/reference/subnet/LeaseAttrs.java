package org.flannel.reference.subnet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip6;

/**
 * The value stored at a lease key: Flannel's {@code lease.LeaseAttrs} ({@code pkg/lease/lease.go}).
 *
 * @param publicIp the node's public IPv4 (peers send tunnel traffic there)
 * @param publicIpv6 the node's public IPv6 in Flannel's text form, or null
 * @param backendType e.g. "vxlan", "host-gw"; null for none (the udp backend sets none)
 * @param backendData the backend's own JSON (vxlan: {@code {"VNI":1,"VtepMAC":"..."}}), or null
 * @param backendV6Data the backend's IPv6 JSON, or null
 */
public record LeaseAttrs(
        Ip4 publicIp, String publicIpv6, String backendType, JsonNode backendData, JsonNode backendV6Data) {

    private static final List<String> FIELDS =
            List.of("PublicIP", "PublicIPv6", "BackendType", "BackendData", "BackendV6Data");
    private static final String STRUCT = "LeaseAttrs";

    public LeaseAttrs {
        if (publicIp == null) {
            throw new IllegalArgumentException("lease attributes need a public IP");
        }
        // Stored as Flannel would print it (ip.IP6 marshals through its String()), so equal values compare equal.
        publicIpv6 = publicIpv6 == null ? null : Ip6.parse(publicIpv6).toString();
        // Go's omitempty cannot tell "" from absent, so neither do we.
        backendType = backendType == null || backendType.isEmpty() ? null : backendType;
        backendData = backendData == null ? null : backendData.deepCopy();
        backendV6Data = backendV6Data == null ? null : backendV6Data.deepCopy();
    }

    /** Attributes with only a public IP, as the udp backend writes them. */
    public static LeaseAttrs of(Ip4 publicIp) {
        return new LeaseAttrs(publicIp, null, null, null, null);
    }

    /**
     * Exactly Go's {@code json.Marshal(attrs)}, e.g.
     * {@code {"PublicIP":"10.168.0.2","PublicIPv6":null,"BackendType":"vxlan","BackendData":{"VNI":1,"VtepMAC":"5e:f8:4f:00:e3:37"}}}.
     * PublicIPv6 has no omitempty in Flannel, so it is always written; the three others are omitted
     * when absent. A JSON null given as backend data is written as {@code null}, as Go writes a
     * RawMessage holding "null".
     */
    public String toJson() {
        GoJsonWriter json = new GoJsonWriter().beginObject();
        json.name("PublicIP").string(publicIp.toString());
        json.name("PublicIPv6");
        if (publicIpv6 == null) {
            json.nullValue();
        } else {
            json.string(publicIpv6);
        }
        if (backendType != null) {
            json.name("BackendType").string(backendType);
        }
        if (backendData != null) {
            json.name("BackendData").value(backendData);
        }
        if (backendV6Data != null) {
            json.name("BackendV6Data").value(backendV6Data);
        }
        return json.endObject().toString();
    }

    /**
     * Decodes a lease value as Go's {@code json.Unmarshal} into {@code LeaseAttrs} would: member names
     * match case-insensitively, unknown members are ignored, a missing PublicIP is 0.0.0.0.
     *
     * @throws IllegalArgumentException when the text is not JSON, not an object, or a member has a value
     *     Flannel cannot decode (e.g. a PublicIP that is not an IPv4 address)
     */
    public static LeaseAttrs fromJson(String json) {
        JsonNode root;
        try {
            root = GoJsonReader.readTree(json);
        } catch (GoJsonReader.InvalidJsonException e) {
            throw new IllegalArgumentException("invalid lease JSON: " + e.getMessage());
        }
        if (root.isNull()) {
            return of(Ip4.ZERO); // Go: unmarshalling null leaves the zero value
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(
                    "json: cannot unmarshal " + GoJsonReader.kindOf(root) + " into Go value of type lease.LeaseAttrs");
        }
        Ip4 publicIp = Ip4.ZERO;
        String publicIpv6 = null;
        String backendType = null;
        JsonNode backendData = null;
        JsonNode backendV6Data = null;
        Iterator<Map.Entry<String, JsonNode>> members = root.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            Optional<String> field = GoJsonReader.matchField(member.getKey(), FIELDS);
            if (field.isEmpty()) {
                continue;
            }
            JsonNode value = member.getValue();
            switch (field.get()) {
                case "PublicIP" -> publicIp = publicIp(value);
                case "PublicIPv6" -> publicIpv6 = value.isNull() ? null : publicIpv6(value);
                case "BackendType" -> backendType = backendType(value, backendType);
                case "BackendData" -> backendData = value;
                case "BackendV6Data" -> backendV6Data = value;
                default -> throw new IllegalStateException("unhandled lease field " + field.get());
            }
        }
        return new LeaseAttrs(publicIp, publicIpv6, backendType, backendData, backendV6Data);
    }

    private static Ip4 publicIp(JsonNode value) {
        try {
            return Ip4.parse(GoJsonReader.unmarshalerText(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid PublicIP in lease: " + value);
        }
    }

    private static String publicIpv6(JsonNode value) {
        try {
            return Ip6.parse(GoJsonReader.unmarshalerText(value)).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid PublicIPv6 in lease: " + value);
        }
    }

    private static String backendType(JsonNode value, String current) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNull()) {
            return current;
        }
        throw new IllegalArgumentException(
                GoJsonReader.typeError(GoJsonReader.kindOf(value), STRUCT, "BackendType", "string"));
    }
}
