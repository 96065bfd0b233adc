package org.flannel.reference.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip6;

/** flanneld's options after the command line and the environment were read. Immutable. */
public final class FlanneldOptions {

    private final List<String> etcdEndpoints;
    private final String etcdPrefix;
    private final String etcdKeyfile;
    private final String etcdCertfile;
    private final String etcdCafile;
    private final String etcdUsername;
    private final String etcdPassword;
    private final List<String> ifaces;
    private final List<String> ifaceRegexes;
    private final String ifaceCanReach;
    private final String subnetFile;
    private final String publicIp;
    private final String publicIpv6;
    private final int subnetLeaseRenewMargin;
    private final boolean ipMasq;
    private final boolean ipMasqFullyRandomDisable;
    private final boolean kubeSubnetMgr;
    private final String kubeApiUrl;
    private final String kubeAnnotationPrefix;
    private final String kubeconfigFile;
    private final String netConfigPath;
    private final boolean setNodeNetworkUnavailable;
    private final boolean version;
    private final String healthzIp;
    private final int healthzPort;
    private final int iptablesResync;
    private final boolean iptablesForwardRules;
    private final boolean ipBlackholeRoute;
    private final int verbosity;
    private final String vmodule;
    private final String logBacktraceAt;
    private final boolean help;
    private final Set<String> explicitlySet;
    private final List<String> environmentErrors;
    private final List<String> remainingArgs;

    FlanneldOptions(FlagValues v, boolean help, List<String> environmentErrors, List<String> remainingArgs) {
        // main.go: strings.Split(opts.etcdEndpoints, ","), no trimming, empty parts kept.
        this.etcdEndpoints = List.of(v.string(FlanneldFlags.ETCD_ENDPOINTS).split(",", -1));
        this.etcdPrefix = v.string(FlanneldFlags.ETCD_PREFIX);
        this.etcdKeyfile = v.string(FlanneldFlags.ETCD_KEYFILE);
        this.etcdCertfile = v.string(FlanneldFlags.ETCD_CERTFILE);
        this.etcdCafile = v.string(FlanneldFlags.ETCD_CAFILE);
        this.etcdUsername = v.string(FlanneldFlags.ETCD_USERNAME);
        this.etcdPassword = v.string(FlanneldFlags.ETCD_PASSWORD);
        this.ifaces = List.copyOf(v.list(FlanneldFlags.IFACE));
        this.ifaceRegexes = List.copyOf(v.list(FlanneldFlags.IFACE_REGEX));
        this.ifaceCanReach = v.string(FlanneldFlags.IFACE_CAN_REACH);
        this.subnetFile = v.string(FlanneldFlags.SUBNET_FILE);
        this.publicIp = v.string(FlanneldFlags.PUBLIC_IP);
        this.publicIpv6 = v.string(FlanneldFlags.PUBLIC_IPV6);
        this.subnetLeaseRenewMargin = (int) v.number(FlanneldFlags.SUBNET_LEASE_RENEW_MARGIN);
        this.ipMasq = v.bool(FlanneldFlags.IP_MASQ);
        this.ipMasqFullyRandomDisable = v.bool(FlanneldFlags.IP_MASQ_FULLY_RANDOM_DISABLE);
        this.kubeSubnetMgr = v.bool(FlanneldFlags.KUBE_SUBNET_MGR);
        this.kubeApiUrl = v.string(FlanneldFlags.KUBE_API_URL);
        this.kubeAnnotationPrefix = v.string(FlanneldFlags.KUBE_ANNOTATION_PREFIX);
        this.kubeconfigFile = v.string(FlanneldFlags.KUBECONFIG_FILE);
        this.netConfigPath = v.string(FlanneldFlags.NET_CONFIG_PATH);
        this.setNodeNetworkUnavailable = v.bool(FlanneldFlags.SET_NODE_NETWORK_UNAVAILABLE);
        this.version = v.bool(FlanneldFlags.VERSION);
        this.healthzIp = v.string(FlanneldFlags.HEALTHZ_IP);
        this.healthzPort = (int) v.number(FlanneldFlags.HEALTHZ_PORT);
        this.iptablesResync = (int) v.number(FlanneldFlags.IPTABLES_RESYNC);
        this.iptablesForwardRules = v.bool(FlanneldFlags.IPTABLES_FORWARD_RULES);
        this.ipBlackholeRoute = v.bool(FlanneldFlags.IP_BLACKHOLE_ROUTE);
        this.verbosity = (int) v.number(FlanneldFlags.V);
        this.vmodule = v.string(FlanneldFlags.VMODULE);
        this.logBacktraceAt = v.string(FlanneldFlags.LOG_BACKTRACE_AT);
        this.help = help;
        this.explicitlySet = v.setNames();
        this.environmentErrors = List.copyOf(environmentErrors);
        this.remainingArgs = List.copyOf(remainingArgs);
    }

    /** {@code -etcd-endpoints} split at commas. */
    public List<String> etcdEndpoints() {
        return etcdEndpoints;
    }

    public String etcdPrefix() {
        return etcdPrefix;
    }

    /** {@code -etcd-keyfile}, "" when not given. TLS needs both key and certificate files. */
    public String etcdKeyfile() {
        return etcdKeyfile;
    }

    public String etcdCertfile() {
        return etcdCertfile;
    }

    public String etcdCafile() {
        return etcdCafile;
    }

    public String etcdUsername() {
        return etcdUsername;
    }

    public String etcdPassword() {
        return etcdPassword;
    }

    /** Every {@code -iface}, in order (empty when none). */
    public List<String> ifaces() {
        return ifaces;
    }

    /** Every {@code -iface-regex}, in order (empty when none). */
    public List<String> ifaceRegexes() {
        return ifaceRegexes;
    }

    public String ifaceCanReach() {
        return ifaceCanReach;
    }

    public Path subnetFile() {
        return Path.of(subnetFile);
    }

    /** {@code -public-ip} as given, "" when not given. */
    public String publicIp() {
        return publicIp;
    }

    /** {@code -public-ip} as an address; the parser already refused a value that is not IPv4. */
    public Optional<Ip4> publicIpAddress() {
        return publicIp.isEmpty() ? Optional.empty() : Optional.of(Ip4.parse(publicIp));
    }

    /** {@code -public-ipv6} as given, "" when not given. */
    public String publicIpv6() {
        return publicIpv6;
    }

    public Optional<Ip6> publicIpv6Address() {
        return publicIpv6.isEmpty() ? Optional.empty() : Optional.of(Ip6.parse(publicIpv6));
    }

    /** Minutes before expiry at which the lease is renewed (1..1439, checked). */
    public int subnetLeaseRenewMargin() {
        return subnetLeaseRenewMargin;
    }

    public boolean ipMasq() {
        return ipMasq;
    }

    public boolean ipMasqFullyRandomDisable() {
        return ipMasqFullyRandomDisable;
    }

    /** Accepted so that the caller can refuse it: this implementation runs in etcd mode only. */
    public boolean kubeSubnetMgr() {
        return kubeSubnetMgr;
    }

    public String kubeApiUrl() {
        return kubeApiUrl;
    }

    public String kubeAnnotationPrefix() {
        return kubeAnnotationPrefix;
    }

    public String kubeconfigFile() {
        return kubeconfigFile;
    }

    public String netConfigPath() {
        return netConfigPath;
    }

    public boolean setNodeNetworkUnavailable() {
        return setNodeNetworkUnavailable;
    }

    /** {@code -version} on the command line: print the version and exit 0 (FLANNELD_VERSION has no effect). */
    public boolean version() {
        return version;
    }

    public String healthzIp() {
        return healthzIp;
    }

    /** 0 when the health server is disabled. */
    public int healthzPort() {
        return healthzPort;
    }

    /** Seconds between iptables rule checks. */
    public int iptablesResync() {
        return iptablesResync;
    }

    public boolean iptablesForwardRules() {
        return iptablesForwardRules;
    }

    public boolean ipBlackholeRoute() {
        return ipBlackholeRoute;
    }

    /** klog's {@code -v}. */
    public int verbosity() {
        return verbosity;
    }

    public String vmodule() {
        return vmodule;
    }

    public String logBacktraceAt() {
        return logBacktraceAt;
    }

    /** {@code -h} or {@code -help} was given: print {@link FlagParser#usage()} and exit 0. */
    public boolean help() {
        return help;
    }

    /** Names of the flags given on the command line or taken from the environment. */
    public Set<String> explicitlySet() {
        return explicitlySet;
    }

    /**
     * Environment values a flag refused, e.g. {@code invalid value "abc" for FLANNELD_HEALTHZ_PORT: parse error}.
     * Flannel logs {@code Failed to set flag FLANNELD from env} and carries on with the default.
     */
    public List<String> environmentErrors() {
        return environmentErrors;
    }

    /** Arguments after the flags (Go stops at the first non-flag argument); flanneld ignores them. */
    public List<String> remainingArgs() {
        return remainingArgs;
    }

    /** For the startup log line ({@code CLI flags config: ...}); the etcd password is masked. */
    @Override
    public String toString() {
        return "{etcdEndpoints:" + String.join(",", etcdEndpoints) + " etcdPrefix:" + etcdPrefix
                + " etcdKeyfile:" + etcdKeyfile + " etcdCertfile:" + etcdCertfile + " etcdCAFile:" + etcdCafile
                + " etcdUsername:" + etcdUsername + " etcdPassword:" + (etcdPassword.isEmpty() ? "" : "********")
                + " version:" + version + " kubeSubnetMgr:" + kubeSubnetMgr + " kubeApiUrl:" + kubeApiUrl
                + " kubeAnnotationPrefix:" + kubeAnnotationPrefix + " kubeConfigFile:" + kubeconfigFile
                + " iface:" + Arrays.toString(ifaces.toArray()) + " ifaceRegex:"
                + Arrays.toString(ifaceRegexes.toArray())
                + " ipMasq:" + ipMasq + " ipMasqFullyRandomDisable:" + ipMasqFullyRandomDisable
                + " ifaceCanReach:" + ifaceCanReach + " subnetFile:" + subnetFile + " publicIP:" + publicIp
                + " publicIPv6:" + publicIpv6 + " subnetLeaseRenewMargin:" + subnetLeaseRenewMargin
                + " healthzIP:" + healthzIp + " healthzPort:" + healthzPort + " iptablesResyncSeconds:" + iptablesResync
                + " iptablesForwardRules:" + iptablesForwardRules + " netConfPath:" + netConfigPath
                + " setNodeNetworkUnavailable:" + setNodeNetworkUnavailable + " blackholeRoute:" + ipBlackholeRoute
                + "}";
    }
}
