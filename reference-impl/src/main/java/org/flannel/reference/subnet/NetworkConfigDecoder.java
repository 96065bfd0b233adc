package org.flannel.reference.subnet;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.ip.Ip6;
import org.flannel.reference.ip.Ip6Net;

/**
 * Flannel's {@code subnet.ParseConfig} ({@code pkg/subnet/config.go}): {@code json.Unmarshal} into
 * {@code subnet.Config} with EnableIPv4 preset to true, then the backend type from {@code Backend.Type}.
 * Go's decoding rules are kept: a field's own UnmarshalJSON error (bad CIDR, bad IP) stops decoding at
 * once, while a wrong JSON kind for a plain field is remembered and reported only if nothing worse follows.
 */
final class NetworkConfigDecoder {

    private static final String STRUCT = "Config";
    private static final List<String> FIELDS = List.of(
            "EnableIPv4",
            "EnableIPv6",
            "EnableNFTables",
            "Network",
            "IPv6Network",
            "SubnetMin",
            "SubnetMax",
            "IPv6SubnetMin",
            "IPv6SubnetMax",
            "SubnetLen",
            "IPv6SubnetLen",
            "Backend");
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    /** Flannel's {@code IP4.UnmarshalJSON} / {@code IP6.UnmarshalJSON} error text. */
    private static final String INVALID_IP = "Invalid IP address format";

    private String firstTypeError;

    private NetworkConfigDecoder() {}

    static NetworkConfigFields decode(String json) throws ConfigException {
        JsonNode root;
        try {
            root = GoJsonReader.readTree(json);
        } catch (GoJsonReader.InvalidJsonException e) {
            throw new ConfigException(e.getMessage()); // Flannel logs Go's error as it is
        }
        NetworkConfigFields fields = new NetworkConfigFields();
        if (!root.isNull()) { // Go: unmarshalling null leaves the struct as it was
            if (!root.isObject()) {
                throw new ConfigException(
                        "json: cannot unmarshal " + GoJsonReader.kindOf(root) + " into Go value of type subnet.Config");
            }
            new NetworkConfigDecoder().decodeMembers(root, fields);
        }
        fields.backendType = backendType(fields.backend);
        return fields;
    }

    private void decodeMembers(JsonNode root, NetworkConfigFields fields) throws ConfigException {
        Iterator<Map.Entry<String, JsonNode>> members = root.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            Optional<String> field = GoJsonReader.matchField(member.getKey(), FIELDS);
            if (field.isPresent()) {
                decodeField(field.get(), member.getValue(), fields);
            }
        }
        if (firstTypeError != null) {
            throw new ConfigException(firstTypeError);
        }
    }

    private void decodeField(String field, JsonNode value, NetworkConfigFields fields) throws ConfigException {
        switch (field) {
            case "EnableIPv4" -> fields.enableIPv4 = bool(field, value, fields.enableIPv4);
            case "EnableIPv6" -> fields.enableIPv6 = bool(field, value, fields.enableIPv6);
            case "EnableNFTables" -> fields.enableNFTables = bool(field, value, fields.enableNFTables);
            case "Network" -> fields.network = ip4Net(value);
            case "IPv6Network" -> fields.ipv6Network = ip6Net(value);
            case "SubnetMin" -> fields.subnetMin = ip4(value);
            case "SubnetMax" -> fields.subnetMax = ip4(value);
            case "IPv6SubnetMin" -> fields.ipv6SubnetMin = ip6Pointer(value);
            case "IPv6SubnetMax" -> fields.ipv6SubnetMax = ip6Pointer(value);
            case "SubnetLen" -> fields.subnetLen = uint(field, value, fields.subnetLen);
            case "IPv6SubnetLen" -> fields.ipv6SubnetLen = uint(field, value, fields.ipv6SubnetLen);
            case "Backend" -> fields.backend = value;
            default -> throw new IllegalStateException("unhandled config field " + field);
        }
    }

    private boolean bool(String field, JsonNode value, boolean current) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (!value.isNull()) {
            typeError(GoJsonReader.kindOf(value), field, "bool");
        }
        return current;
    }

    /** A Go {@code uint}: a non-negative integer literal that fits in 64 bits. */
    private long uint(String field, JsonNode value, long current) {
        if (value.isNull()) {
            return current;
        }
        if (!value.isNumber()) {
            typeError(GoJsonReader.kindOf(value), field, "uint");
            return current;
        }
        if (!value.isIntegralNumber()
                || value.bigIntegerValue().signum() < 0
                || value.bigIntegerValue().compareTo(MAX_UINT64) > 0) {
            typeError("number " + value.asText(), field, "uint");
            return current;
        }
        BigInteger n = value.bigIntegerValue();
        return n.bitLength() < 64 ? n.longValue() : Long.MAX_VALUE;
    }

    private static Ip4Net ip4Net(JsonNode value) throws ConfigException {
        try {
            return Ip4Net.parse(GoJsonReader.unmarshalerText(value));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static Ip6Net ip6Net(JsonNode value) throws ConfigException {
        try {
            return Ip6Net.parse(GoJsonReader.unmarshalerText(value));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** {@code ip.IP4} decodes even a JSON null through its UnmarshalJSON, which then fails. */
    private static Ip4 ip4(JsonNode value) throws ConfigException {
        try {
            Ip6 parsed = Ip6.parse(GoJsonReader.unmarshalerText(value));
            // Go's ParseIP4 takes IPv4 text and IPv4-mapped IPv6 text (net.IP.To4); anything else is not an IPv4.
            if (!parsed.value().shiftRight(32).equals(BigInteger.valueOf(0xffffL))) {
                throw new ConfigException(INVALID_IP);
            }
            return new Ip4(parsed.value().intValue());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(INVALID_IP);
        }
    }

    /** {@code *ip.IP6}: a JSON null leaves the pointer nil. */
    private static Ip6 ip6Pointer(JsonNode value) throws ConfigException {
        if (value.isNull()) {
            return null;
        }
        try {
            return Ip6.parse(GoJsonReader.unmarshalerText(value));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(INVALID_IP);
        }
    }

    private void typeError(String kind, String field, String goType) {
        if (firstTypeError == null) {
            firstTypeError = GoJsonReader.typeError(kind, STRUCT, field, goType);
        }
    }

    /**
     * Flannel's {@code parseBackendType}: "udp" only when the Backend member is absent; otherwise
     * {@code Backend.Type} as written ("" when the object has no Type, or when Backend is null), which
     * the backend manager then rejects as {@code unknown backend type: }.
     */
    private static String backendType(JsonNode backend) throws ConfigException {
        if (backend == null) {
            return "udp";
        }
        if (backend.isNull()) {
            return "";
        }
        if (!backend.isObject()) {
            throw new ConfigException("error decoding Backend property of config: json: cannot unmarshal "
                    + GoJsonReader.kindOf(backend) + " into Go value of type struct { Type string }");
        }
        String type = "";
        String typeError = null;
        Iterator<Map.Entry<String, JsonNode>> members = backend.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (GoJsonReader.matchField(member.getKey(), List.of("Type")).isEmpty()) {
                continue;
            }
            JsonNode value = member.getValue();
            if (value.isTextual()) {
                type = value.textValue();
            } else if (!value.isNull() && typeError == null) {
                typeError = "error decoding Backend property of config: json: cannot unmarshal "
                        + GoJsonReader.kindOf(value) + " into Go struct field .Type of type string";
            }
        }
        if (typeError != null) {
            throw new ConfigException(typeError);
        }
        return type;
    }
}
