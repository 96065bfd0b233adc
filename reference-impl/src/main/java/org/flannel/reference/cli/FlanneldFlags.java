package org.flannel.reference.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every flag flanneld defines ({@code main.go} L113-141, plus the klog flags it copies, L143-167), with
 * Flannel's defaults. Help texts are ours.
 */
final class FlanneldFlags {

    static final String ETCD_ENDPOINTS = "etcd-endpoints";
    static final String ETCD_PREFIX = "etcd-prefix";
    static final String ETCD_KEYFILE = "etcd-keyfile";
    static final String ETCD_CERTFILE = "etcd-certfile";
    static final String ETCD_CAFILE = "etcd-cafile";
    static final String ETCD_USERNAME = "etcd-username";
    static final String ETCD_PASSWORD = "etcd-password";
    static final String IFACE = "iface";
    static final String IFACE_REGEX = "iface-regex";
    static final String IFACE_CAN_REACH = "iface-can-reach";
    static final String SUBNET_FILE = "subnet-file";
    static final String PUBLIC_IP = "public-ip";
    static final String PUBLIC_IPV6 = "public-ipv6";
    static final String SUBNET_LEASE_RENEW_MARGIN = "subnet-lease-renew-margin";
    static final String IP_MASQ = "ip-masq";
    static final String IP_MASQ_FULLY_RANDOM_DISABLE = "ip-masq-fully-random-disable";
    static final String KUBE_SUBNET_MGR = "kube-subnet-mgr";
    static final String KUBE_API_URL = "kube-api-url";
    static final String KUBE_ANNOTATION_PREFIX = "kube-annotation-prefix";
    static final String KUBECONFIG_FILE = "kubeconfig-file";
    static final String VERSION = "version";
    static final String HEALTHZ_IP = "healthz-ip";
    static final String HEALTHZ_PORT = "healthz-port";
    static final String IPTABLES_RESYNC = "iptables-resync";
    static final String IPTABLES_FORWARD_RULES = "iptables-forward-rules";
    static final String IP_BLACKHOLE_ROUTE = "ip-blackhole-route";
    static final String NET_CONFIG_PATH = "net-config-path";
    static final String SET_NODE_NETWORK_UNAVAILABLE = "set-node-network-unavailable";
    static final String V = "v";
    static final String VMODULE = "vmodule";
    static final String LOG_BACKTRACE_AT = "log_backtrace_at";

    /** Sorted by name, the order Go's PrintDefaults lists them in. */
    static final List<FlagSpec> ALL = List.of(
                    new FlagSpec(
                            ETCD_ENDPOINTS,
                            FlagType.STRING,
                            "http://127.0.0.1:4001,http://127.0.0.1:2379",
                            "comma-separated list of etcd endpoints (URLs)"),
                    new FlagSpec(
                            ETCD_PREFIX,
                            FlagType.STRING,
                            "/coreos.com/network",
                            "etcd key prefix holding the network config and the subnet leases"),
                    new FlagSpec(ETCD_KEYFILE, FlagType.STRING, "", "TLS client key file for etcd"),
                    new FlagSpec(ETCD_CERTFILE, FlagType.STRING, "", "TLS client certificate file for etcd"),
                    new FlagSpec(ETCD_CAFILE, FlagType.STRING, "", "TLS certificate authority file for etcd"),
                    new FlagSpec(ETCD_USERNAME, FlagType.STRING, "", "user name for etcd authentication"),
                    new FlagSpec(ETCD_PASSWORD, FlagType.STRING, "", "password for etcd authentication"),
                    new FlagSpec(
                            IFACE,
                            FlagType.REPEATABLE,
                            "[]",
                            "interface (name or IP) for traffic between hosts; repeat to try several in order, the first match wins"),
                    new FlagSpec(
                            IFACE_REGEX,
                            FlagType.REPEATABLE,
                            "[]",
                            "regular expression matched against interface IPs, then names; repeatable, tried in order after every -iface"),
                    new FlagSpec(
                            IFACE_CAN_REACH,
                            FlagType.STRING,
                            "",
                            "use the interface the kernel would route to this IP through (as 'ip route get <ip>')"),
                    new FlagSpec(
                            SUBNET_FILE,
                            FlagType.STRING,
                            "/run/flannel/subnet.env",
                            "file the subnet, MTU and masquerade settings are written to (and the previous subnet read from)"),
                    new FlagSpec(
                            PUBLIC_IP,
                            FlagType.STRING,
                            "",
                            "IPv4 address other nodes reach this node at (default: the interface's address)"),
                    new FlagSpec(
                            PUBLIC_IPV6,
                            FlagType.STRING,
                            "",
                            "IPv6 address other nodes reach this node at (default: the interface's address)"),
                    new FlagSpec(
                            SUBNET_LEASE_RENEW_MARGIN,
                            FlagType.INT,
                            "60",
                            "renew the subnet lease this many minutes before it expires (1 to 1439)"),
                    new FlagSpec(IP_MASQ, FlagType.BOOL, "false", "masquerade traffic leaving the flannel network"),
                    new FlagSpec(
                            IP_MASQ_FULLY_RANDOM_DISABLE,
                            FlagType.BOOL,
                            "false",
                            "do not use --random-fully in the masquerade rules"),
                    new FlagSpec(
                            KUBE_SUBNET_MGR,
                            FlagType.BOOL,
                            "false",
                            "take subnets from the Kubernetes API instead of etcd (not supported by this implementation)"),
                    new FlagSpec(KUBE_API_URL, FlagType.STRING, "", "Kubernetes API server URL (Kubernetes mode only)"),
                    new FlagSpec(
                            KUBE_ANNOTATION_PREFIX,
                            FlagType.STRING,
                            "flannel.alpha.coreos.com",
                            "prefix of the node annotations (Kubernetes mode only)"),
                    new FlagSpec(KUBECONFIG_FILE, FlagType.STRING, "", "kubeconfig file (Kubernetes mode only)"),
                    new FlagSpec(VERSION, FlagType.BOOL, "false", "print the version and exit"),
                    new FlagSpec(HEALTHZ_IP, FlagType.STRING, "0.0.0.0", "IP address the health server listens on"),
                    new FlagSpec(HEALTHZ_PORT, FlagType.INT, "0", "port the health server listens on (0 disables it)"),
                    new FlagSpec(IPTABLES_RESYNC, FlagType.INT, "5", "seconds between checks of the iptables rules"),
                    new FlagSpec(
                            IPTABLES_FORWARD_RULES,
                            FlagType.BOOL,
                            "true",
                            "add rules accepting the flannel network's traffic in the FORWARD chain"),
                    new FlagSpec(
                            IP_BLACKHOLE_ROUTE,
                            FlagType.BOOL,
                            "false",
                            "add a blackhole route for this node's own subnet"),
                    new FlagSpec(
                            NET_CONFIG_PATH,
                            FlagType.STRING,
                            "/etc/kube-flannel/net-conf.json",
                            "network config file (Kubernetes mode only)"),
                    new FlagSpec(
                            SET_NODE_NETWORK_UNAVAILABLE,
                            FlagType.BOOL,
                            "true",
                            "set the node's NetworkUnavailable condition once ready (Kubernetes mode only)"),
                    new FlagSpec(V, FlagType.KLOG_LEVEL, "0", "log verbosity level"),
                    new FlagSpec(
                            VMODULE,
                            FlagType.KLOG_VMODULE,
                            "",
                            "comma-separated pattern=N list of per-file log verbosity"),
                    new FlagSpec(
                            LOG_BACKTRACE_AT,
                            FlagType.KLOG_TRACE_LOCATION,
                            "",
                            "when logging reaches file:N, emit a stack trace"))
            .stream()
            .sorted(Comparator.comparing(FlagSpec::name))
            .toList();

    private static final Map<String, FlagSpec> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(FlagSpec::name, Function.identity()));

    private FlanneldFlags() {}

    static Optional<FlagSpec> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    static FlagSpec get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no flag " + name));
    }
}
