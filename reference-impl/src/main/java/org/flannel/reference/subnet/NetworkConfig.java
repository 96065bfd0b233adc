package org.flannel.reference.subnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.ip.Ip6;
import org.flannel.reference.ip.Ip6Net;

/**
 * The network config stored at {@code <prefix>/config}, decoded, defaulted and validated as Flannel's
 * {@code LocalManager.GetNetworkConfig} does ({@code ParseConfig} then {@code CheckNetworkConfig}).
 * Immutable.
 */
public final class NetworkConfig {

    private final boolean enableIPv4;
    private final boolean enableIPv6;
    private final boolean enableNFTables;
    private final Ip4Net network;
    private final int subnetLen;
    private final Ip4 subnetMin;
    private final Ip4 subnetMax;
    private final Ip6Net ipv6Network;
    private final int ipv6SubnetLen;
    private final Ip6 ipv6SubnetMin;
    private final Ip6 ipv6SubnetMax;
    private final String backendType;
    private final JsonNode backend;

    private NetworkConfig(NetworkConfigFields f) {
        this.enableIPv4 = f.enableIPv4;
        this.enableIPv6 = f.enableIPv6;
        this.enableNFTables = f.enableNFTables;
        this.network = f.network;
        this.subnetLen = (int) Math.min(f.subnetLen, Integer.MAX_VALUE);
        this.subnetMin = f.subnetMin;
        this.subnetMax = f.subnetMax;
        this.ipv6Network = f.ipv6Network;
        this.ipv6SubnetLen = (int) Math.min(f.ipv6SubnetLen, Integer.MAX_VALUE);
        this.ipv6SubnetMin = f.ipv6SubnetMin;
        this.ipv6SubnetMax = f.ipv6SubnetMax;
        this.backendType = f.backendType;
        this.backend = f.backend == null ? JsonNodeFactory.instance.objectNode() : f.backend.deepCopy();
    }

    /**
     * Decodes, defaults and validates a network config. JSON member names match case-insensitively and
     * unknown members are ignored, as with Go's {@code encoding/json}.
     *
     * @throws ConfigException with Flannel's message (e.g. {@code SubnetLen must be less than /31}), for
     *     text that is not JSON Go's (e.g. {@code invalid character 'h' in literal true (expecting 'r')})
     */
    public static NetworkConfig parse(String json) throws ConfigException {
        NetworkConfigFields fields = NetworkConfigDecoder.decode(json);
        NetworkConfigChecker.check(fields);
        return new NetworkConfig(fields);
    }

    public boolean enableIPv4() {
        return enableIPv4;
    }

    public boolean enableIPv6() {
        return enableIPv6;
    }

    /** nftables instead of iptables for masquerade and forward rules. */
    public boolean enableNFTables() {
        return enableNFTables;
    }

    /** The IPv4 network; null only when IPv4 is disabled and no Network was given. */
    public Ip4Net network() {
        return network;
    }

    public int subnetLen() {
        return subnetLen;
    }

    public Ip4 subnetMin() {
        return subnetMin;
    }

    public Ip4 subnetMax() {
        return subnetMax;
    }

    /** The IPv6 network; null when none was given. */
    public Ip6Net ipv6Network() {
        return ipv6Network;
    }

    public int ipv6SubnetLen() {
        return ipv6SubnetLen;
    }

    /** First IPv6 subnet to allocate; null when IPv6 is disabled and none was given. */
    public Ip6 ipv6SubnetMin() {
        return ipv6SubnetMin;
    }

    /** Last IPv6 subnet to allocate; null when IPv6 is disabled and none was given. */
    public Ip6 ipv6SubnetMax() {
        return ipv6SubnetMax;
    }

    /**
     * {@code Backend.Type} as written (the backend manager lower-cases it). "udp" when the Backend member
     * is absent, as Flannel's code does (its docs say vxlan); "" when Backend is present without a Type.
     */
    public String backendType() {
        return backendType;
    }

    /** The raw Backend JSON value (an empty object when absent), for the backend to read its own options. */
    public JsonNode backend() {
        return backend.deepCopy();
    }

    /**
     * Flannel's {@code isSubnetConfigCompat}: the subnet starts within [SubnetMin, SubnetMax] and has
     * exactly SubnetLen. Used to decide whether a lease or a previous subnet can be reused.
     */
    public boolean isCompatible(Ip4Net subnet) {
        if (subnet.ip().compareTo(subnetMin) < 0 || subnet.ip().compareTo(subnetMax) > 0) {
            return false;
        }
        return subnet.prefixLen() == subnetLen;
    }

    /**
     * Flannel's {@code isIPv6SubnetConfigCompat}: with IPv6 disabled only "no IPv6 subnet" (null) fits;
     * otherwise the subnet starts within [IPv6SubnetMin, IPv6SubnetMax] and has exactly IPv6SubnetLen.
     */
    public boolean isIpv6Compatible(Ip6Net subnet) {
        if (!enableIPv6) {
            return subnet == null;
        }
        if (subnet == null
                || subnet.ip().compareTo(ipv6SubnetMin) < 0
                || subnet.ip().compareTo(ipv6SubnetMax) > 0) {
            return false;
        }
        return subnet.prefixLen() == ipv6SubnetLen;
    }

    @Override
    public String toString() {
        return "NetworkConfig{EnableIPv4=" + enableIPv4 + ", EnableIPv6=" + enableIPv6
                + ", EnableNFTables=" + enableNFTables + ", Network=" + network + ", SubnetLen=" + subnetLen
                + ", SubnetMin=" + subnetMin + ", SubnetMax=" + subnetMax + ", IPv6Network=" + ipv6Network
                + ", IPv6SubnetLen=" + ipv6SubnetLen + ", IPv6SubnetMin=" + ipv6SubnetMin
                + ", IPv6SubnetMax=" + ipv6SubnetMax + ", BackendType=" + backendType + ", Backend=" + backend + "}";
    }
}
