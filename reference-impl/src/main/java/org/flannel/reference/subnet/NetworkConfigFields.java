package org.flannel.reference.subnet;

import com.fasterxml.jackson.databind.JsonNode;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.ip.Ip6;
import org.flannel.reference.ip.Ip6Net;

/**
 * The network config as decoded from JSON, before defaults and validation: Go's zero values stand
 * for "not given" exactly as in Flannel's {@code subnet.Config} (0 SubnetLen, 0.0.0.0 SubnetMin, ...).
 */
final class NetworkConfigFields {
    boolean enableIPv4 = true; // Flannel sets this before unmarshalling (config.go ParseConfig)
    boolean enableIPv6;
    boolean enableNFTables;
    Ip4Net network; // null: not given
    Ip6Net ipv6Network; // null: not given
    long subnetLen; // 0: not given; saturated at Long.MAX_VALUE
    Ip4 subnetMin = Ip4.ZERO;
    Ip4 subnetMax = Ip4.ZERO;
    long ipv6SubnetLen;
    Ip6 ipv6SubnetMin; // null or "::": not given
    Ip6 ipv6SubnetMax;
    JsonNode backend; // null: member absent (a JSON null is kept as NullNode, as Go's RawMessage keeps "null")
    String backendType;
}
