package org.flannel.reference.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UsageTextTest {

    private final String usage = FlagParser.usage();

    @Test
    void startsWithFlanneldsUsageLine() {
        assertThat(usage).startsWith("Usage: flanneld [OPTION]...\n  -");
        assertThat(usage).endsWith("\n");
    }

    @Test
    void listsEveryFlagOnceInNameOrder() {
        Matcher m = Pattern.compile("(?m)^  -(\\S+)").matcher(usage);
        List<String> names = m.results().map(r -> r.group(1)).collect(Collectors.toList());
        assertThat(names)
                .containsExactly(
                        "etcd-cafile",
                        "etcd-certfile",
                        "etcd-endpoints",
                        "etcd-keyfile",
                        "etcd-password",
                        "etcd-prefix",
                        "etcd-username",
                        "healthz-ip",
                        "healthz-port",
                        "iface",
                        "iface-can-reach",
                        "iface-regex",
                        "ip-blackhole-route",
                        "ip-masq",
                        "ip-masq-fully-random-disable",
                        "iptables-forward-rules",
                        "iptables-resync",
                        "kube-annotation-prefix",
                        "kube-api-url",
                        "kube-subnet-mgr",
                        "kubeconfig-file",
                        "log_backtrace_at",
                        "net-config-path",
                        "public-ip",
                        "public-ipv6",
                        "set-node-network-unavailable",
                        "subnet-file",
                        "subnet-lease-renew-margin",
                        "v",
                        "version",
                        "vmodule");
    }

    @Test
    void usesGosLayoutWithTypesAndNonZeroDefaults() {
        assertThat(usage)
                .contains("\n  -etcd-endpoints string\n    \tcomma-separated list of etcd endpoints (URLs) "
                        + "(default \"http://127.0.0.1:4001,http://127.0.0.1:2379\")\n");
        assertThat(usage).contains("\n  -subnet-lease-renew-margin int\n    \t");
        assertThat(usage).contains("(1 to 1439) (default 60)\n");
        assertThat(usage).contains("\n  -iptables-forward-rules\n    \t");
        assertThat(usage).contains("FORWARD chain (default true)\n");
        assertThat(usage).contains("\n  -iface value\n    \t");
        assertThat(usage).contains("\n  -v value\n    \tlog verbosity level\n");
        assertThat(usage).contains("\n  -ip-masq\n    \tmasquerade traffic leaving the flannel network\n");
        assertThat(usage).contains("(default \"/coreos.com/network\")");
        assertThat(usage).contains("(default \"0.0.0.0\")");
        assertThat(usage).contains("(default 5)");
    }

    @Test
    void zeroDefaultsAreNotShown() {
        assertThat(usage)
                .doesNotContain("(default false)")
                .doesNotContain("(default 0)")
                .doesNotContain("(default \"\")")
                .doesNotContain("(default [])");
    }
}
