package org.flannel.reference.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.flannel.reference.ip.Ip4;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FlagParserTest {

    private static FlanneldOptions parse(String... args) throws UsageException {
        return FlagParser.parse(args, Map.of());
    }

    private static FlanneldOptions parseWithEnv(Map<String, String> env, String... args) throws UsageException {
        return FlagParser.parse(args, env);
    }

    private static void assertBadFlag(String message, String... args) {
        assertThatThrownBy(() -> parse(args)).isInstanceOfSatisfying(UsageException.class, e -> {
            assertThat(e).hasMessage(message);
            assertThat(e.kind()).isEqualTo(UsageException.Kind.BAD_FLAG);
        });
    }

    private static void assertInvalidOption(String message, Map<String, String> env, String... args) {
        assertThatThrownBy(() -> parseWithEnv(env, args)).isInstanceOfSatisfying(UsageException.class, e -> {
            assertThat(e).hasMessage(message);
            assertThat(e.kind()).isEqualTo(UsageException.Kind.INVALID_OPTION);
        });
    }

    @Test
    void defaultsAreFlannels() throws Exception {
        FlanneldOptions o = parse();
        assertThat(o.etcdEndpoints()).containsExactly("http://127.0.0.1:4001", "http://127.0.0.1:2379");
        assertThat(o.etcdPrefix()).isEqualTo("/coreos.com/network");
        assertThat(o.etcdKeyfile()).isEmpty();
        assertThat(o.etcdCertfile()).isEmpty();
        assertThat(o.etcdCafile()).isEmpty();
        assertThat(o.etcdUsername()).isEmpty();
        assertThat(o.etcdPassword()).isEmpty();
        assertThat(o.ifaces()).isEmpty();
        assertThat(o.ifaceRegexes()).isEmpty();
        assertThat(o.ifaceCanReach()).isEmpty();
        assertThat(o.subnetFile()).isEqualTo(Path.of("/run/flannel/subnet.env"));
        assertThat(o.publicIp()).isEmpty();
        assertThat(o.publicIpAddress()).isEmpty();
        assertThat(o.publicIpv6()).isEmpty();
        assertThat(o.publicIpv6Address()).isEmpty();
        assertThat(o.subnetLeaseRenewMargin()).isEqualTo(60);
        assertThat(o.ipMasq()).isFalse();
        assertThat(o.ipMasqFullyRandomDisable()).isFalse();
        assertThat(o.kubeSubnetMgr()).isFalse();
        assertThat(o.kubeApiUrl()).isEmpty();
        assertThat(o.kubeAnnotationPrefix()).isEqualTo("flannel.alpha.coreos.com");
        assertThat(o.kubeconfigFile()).isEmpty();
        assertThat(o.netConfigPath()).isEqualTo("/etc/kube-flannel/net-conf.json");
        assertThat(o.setNodeNetworkUnavailable()).isTrue();
        assertThat(o.version()).isFalse();
        assertThat(o.healthzIp()).isEqualTo("0.0.0.0");
        assertThat(o.healthzPort()).isZero();
        assertThat(o.iptablesResync()).isEqualTo(5);
        assertThat(o.iptablesForwardRules()).isTrue();
        assertThat(o.ipBlackholeRoute()).isFalse();
        assertThat(o.verbosity()).isZero();
        assertThat(o.vmodule()).isEmpty();
        assertThat(o.logBacktraceAt()).isEmpty();
        assertThat(o.help()).isFalse();
        assertThat(o.explicitlySet()).isEmpty();
        assertThat(o.environmentErrors()).isEmpty();
        assertThat(o.remainingArgs()).isEmpty();
    }

    @Nested
    class Syntax {

        @ParameterizedTest
        @ValueSource(strings = {"-etcd-prefix=/a", "--etcd-prefix=/a", "-etcd-prefix /a", "--etcd-prefix /a"})
        void everyGoFormOfAValuedFlag(String commandLine) throws Exception {
            assertThat(FlagParser.parse(commandLine.split(" "), Map.of()).etcdPrefix())
                    .isEqualTo("/a");
        }

        @Test
        void everyFlagCanBeGiven() throws Exception {
            FlanneldOptions o = parse(
                    "-etcd-endpoints=http://10.0.0.2:2379,https://10.0.0.3:2379",
                    "-etcd-prefix",
                    "/n2",
                    "-etcd-keyfile=/k",
                    "-etcd-certfile=/c",
                    "-etcd-cafile=/ca",
                    "-etcd-username=u",
                    "-etcd-password=p",
                    "-iface=eth1",
                    "-iface-regex=^eth",
                    "-iface-can-reach=10.0.0.1",
                    "-subnet-file=/tmp/s.env",
                    "-public-ip=10.0.0.5",
                    "-public-ipv6=fd00::5",
                    "-subnet-lease-renew-margin=30",
                    "-ip-masq",
                    "-ip-masq-fully-random-disable",
                    "-kube-subnet-mgr",
                    "-kube-api-url=https://k",
                    "-kube-annotation-prefix=x.io",
                    "-kubeconfig-file=/kc",
                    "-net-config-path=/nc",
                    "-set-node-network-unavailable=false",
                    "-healthz-ip=127.0.0.1",
                    "-healthz-port=8080",
                    "-iptables-resync=9",
                    "-iptables-forward-rules=false",
                    "-ip-blackhole-route",
                    "-v=2",
                    "-vmodule=main=3,iface=1",
                    "-log_backtrace_at=main.go:12");
            assertThat(o.etcdEndpoints()).containsExactly("http://10.0.0.2:2379", "https://10.0.0.3:2379");
            assertThat(o.etcdPrefix()).isEqualTo("/n2");
            assertThat(o.etcdKeyfile()).isEqualTo("/k");
            assertThat(o.etcdCertfile()).isEqualTo("/c");
            assertThat(o.etcdCafile()).isEqualTo("/ca");
            assertThat(o.etcdUsername()).isEqualTo("u");
            assertThat(o.etcdPassword()).isEqualTo("p");
            assertThat(o.ifaces()).containsExactly("eth1");
            assertThat(o.ifaceRegexes()).containsExactly("^eth");
            assertThat(o.ifaceCanReach()).isEqualTo("10.0.0.1");
            assertThat(o.subnetFile()).isEqualTo(Path.of("/tmp/s.env"));
            assertThat(o.publicIpAddress()).contains(Ip4.parse("10.0.0.5"));
            assertThat(o.publicIpv6Address().orElseThrow()).hasToString("fd00::5");
            assertThat(o.subnetLeaseRenewMargin()).isEqualTo(30);
            assertThat(o.ipMasq()).isTrue();
            assertThat(o.ipMasqFullyRandomDisable()).isTrue();
            assertThat(o.kubeSubnetMgr()).isTrue();
            assertThat(o.kubeApiUrl()).isEqualTo("https://k");
            assertThat(o.kubeAnnotationPrefix()).isEqualTo("x.io");
            assertThat(o.kubeconfigFile()).isEqualTo("/kc");
            assertThat(o.netConfigPath()).isEqualTo("/nc");
            assertThat(o.setNodeNetworkUnavailable()).isFalse();
            assertThat(o.healthzIp()).isEqualTo("127.0.0.1");
            assertThat(o.healthzPort()).isEqualTo(8080);
            assertThat(o.iptablesResync()).isEqualTo(9);
            assertThat(o.iptablesForwardRules()).isFalse();
            assertThat(o.ipBlackholeRoute()).isTrue();
            assertThat(o.verbosity()).isEqualTo(2);
            assertThat(o.vmodule()).isEqualTo("main=3,iface=1");
            assertThat(o.logBacktraceAt()).isEqualTo("main.go:12");
            assertThat(o.explicitlySet())
                    .contains("etcd-prefix", "ip-masq", "v")
                    .hasSize(30);
        }

        @Test
        void theLastValueOfAFlagGivenTwiceWins() throws Exception {
            assertThat(parse("-healthz-port=1", "--healthz-port", "2").healthzPort())
                    .isEqualTo(2);
        }

        @Test
        void aValuedFlagTakesTheNextArgumentEvenIfItLooksLikeAFlag() throws Exception {
            FlanneldOptions o = parse("-etcd-prefix", "-ip-masq");
            assertThat(o.etcdPrefix()).isEqualTo("-ip-masq");
            assertThat(o.ipMasq()).isFalse();
        }

        @Test
        void aValueMayContainEqualsSigns() throws Exception {
            assertThat(parse("-etcd-password=a=b").etcdPassword()).isEqualTo("a=b");
            assertThat(parse("-etcd-password=").etcdPassword()).isEmpty();
        }

        @Test
        void parsingStopsAtTheFirstNonFlagArgument() throws Exception {
            FlanneldOptions o = parse("-ip-masq", "extra", "-healthz-port=5");
            assertThat(o.ipMasq()).isTrue();
            assertThat(o.healthzPort()).isZero();
            assertThat(o.remainingArgs()).containsExactly("extra", "-healthz-port=5");
            assertThat(parse("-", "-ip-masq").remainingArgs()).containsExactly("-", "-ip-masq");
        }

        @Test
        void doubleDashEndsTheFlags() throws Exception {
            FlanneldOptions o = parse("--ip-masq", "--", "-healthz-port=5");
            assertThat(o.ipMasq()).isTrue();
            assertThat(o.healthzPort()).isZero();
            assertThat(o.remainingArgs()).containsExactly("-healthz-port=5");
        }

        @ParameterizedTest
        @CsvSource({"0x1f, 31", "0X1F, 31", "010, 8", "0o17, 15", "0b101, 5", "1_000, 1000", "+42, 42", "0, 0"})
        void numbersFollowGosIntegerSyntax(String text, int expected) throws Exception {
            assertThat(parse("-healthz-port=" + text).healthzPort()).isEqualTo(expected);
        }
    }

    @Nested
    class Booleans {

        @Test
        void aBooleanAloneIsTrue() throws Exception {
            assertThat(parse("-ip-masq").ipMasq()).isTrue();
            assertThat(parse("--ip-masq").ipMasq()).isTrue();
        }

        @ParameterizedTest
        @CsvSource({
            "true, true",
            "false, false",
            "1, true",
            "0, false",
            "t, true",
            "F, false",
            "TRUE, true",
            "False, false"
        })
        void aBooleanAcceptsGosBooleanWords(String text, boolean expected) throws Exception {
            assertThat(parse("-ip-masq=" + text).ipMasq()).isEqualTo(expected);
            assertThat(parse("--iptables-forward-rules=" + text).iptablesForwardRules())
                    .isEqualTo(expected);
        }

        @Test
        void aBooleanNeverConsumesTheNextArgument() throws Exception {
            FlanneldOptions o = parse("-iptables-forward-rules", "false", "-ip-masq");
            assertThat(o.iptablesForwardRules()).isTrue();
            assertThat(o.ipMasq()).isFalse();
            assertThat(o.remainingArgs()).containsExactly("false", "-ip-masq");
        }

        @Test
        void defaultTrueBooleansCanBeTurnedOff() throws Exception {
            assertThat(parse("-iptables-forward-rules=false").iptablesForwardRules())
                    .isFalse();
            assertThat(parse("--set-node-network-unavailable=0").setNodeNetworkUnavailable())
                    .isFalse();
        }
    }

    @Nested
    class Repeatables {

        @Test
        void ifaceAccumulatesInOrder() throws Exception {
            FlanneldOptions o = parse("-iface", "eth0", "-iface=eth1", "--iface", "10.0.0.1", "--iface=ens3");
            assertThat(o.ifaces()).containsExactly("eth0", "eth1", "10.0.0.1", "ens3");
        }

        @Test
        void ifaceRegexAccumulatesInOrder() throws Exception {
            FlanneldOptions o = parse("-iface-regex=^eth[0-9]+$", "--iface-regex", "10\\.0\\..*", "-iface=lo");
            assertThat(o.ifaceRegexes()).containsExactly("^eth[0-9]+$", "10\\.0\\..*");
            assertThat(o.ifaces()).containsExactly("lo");
        }

        @Test
        void etcdEndpointsAreSplitAtCommasWithoutTrimming() throws Exception {
            assertThat(parse("-etcd-endpoints=http://a:2379, http://b:2379").etcdEndpoints())
                    .containsExactly("http://a:2379", " http://b:2379");
            assertThat(parse("-etcd-endpoints=http://a:2379").etcdEndpoints()).containsExactly("http://a:2379");
        }
    }

    @Nested
    class Environment {

        @Test
        void fillsFlagsNotGivenOnTheCommandLine() throws Exception {
            FlanneldOptions o = parseWithEnv(Map.of(
                    "FLANNELD_ETCD_ENDPOINTS", "http://10.0.0.2:2379",
                    "FLANNELD_ETCD_PREFIX", "/env",
                    "FLANNELD_IP_MASQ", "true",
                    "FLANNELD_HEALTHZ_PORT", "9090",
                    "FLANNELD_SUBNET_LEASE_RENEW_MARGIN", "120",
                    "FLANNELD_V", "4",
                    "FLANNELD_LOG_BACKTRACE_AT", "x.go:1",
                    "FLANNELD_PUBLIC_IP", "10.0.0.7"));
            assertThat(o.etcdEndpoints()).containsExactly("http://10.0.0.2:2379");
            assertThat(o.etcdPrefix()).isEqualTo("/env");
            assertThat(o.ipMasq()).isTrue();
            assertThat(o.healthzPort()).isEqualTo(9090);
            assertThat(o.subnetLeaseRenewMargin()).isEqualTo(120);
            assertThat(o.verbosity()).isEqualTo(4);
            assertThat(o.logBacktraceAt()).isEqualTo("x.go:1");
            assertThat(o.publicIp()).isEqualTo("10.0.0.7");
        }

        @Test
        void theCommandLineWins() throws Exception {
            FlanneldOptions o = parseWithEnv(
                    Map.of("FLANNELD_ETCD_PREFIX", "/env", "FLANNELD_IP_MASQ", "true", "FLANNELD_IFACE", "eth9"),
                    "-etcd-prefix=/cli",
                    "-ip-masq=false",
                    "-iface=eth0");
            assertThat(o.etcdPrefix()).isEqualTo("/cli");
            assertThat(o.ipMasq()).isFalse();
            assertThat(o.ifaces()).containsExactly("eth0");
        }

        @Test
        void emptyVariablesAreIgnored() throws Exception {
            assertThat(parseWithEnv(Map.of("FLANNELD_ETCD_PREFIX", ""), new String[0])
                            .etcdPrefix())
                    .isEqualTo("/coreos.com/network");
        }

        @Test
        void aRepeatableFlagTakesTheWholeValueAsOneEntryAsFlannelsFlagSliceDoes() throws Exception {
            assertThat(parseWithEnv(Map.of("FLANNELD_IFACE", "eth0,eth1")).ifaces())
                    .containsExactly("eth0,eth1");
            assertThat(parseWithEnv(Map.of("FLANNELD_IFACE_REGEX", "^e.{1,3}$")).ifaceRegexes())
                    .containsExactly("^e.{1,3}$");
        }

        @Test
        void aRefusedValueIsReportedAndTheDefaultKept() throws Exception {
            FlanneldOptions o = parseWithEnv(Map.of("FLANNELD_HEALTHZ_PORT", "abc", "FLANNELD_IP_MASQ", "yes"));
            assertThat(o.healthzPort()).isZero();
            assertThat(o.ipMasq()).isFalse();
            assertThat(o.environmentErrors())
                    .containsExactlyInAnyOrder(
                            "invalid value \"abc\" for FLANNELD_HEALTHZ_PORT: parse error",
                            "invalid value \"yes\" for FLANNELD_IP_MASQ: parse error");
        }

        @Test
        void versionFromTheEnvironmentHasNoEffectAsInFlanneld() throws Exception {
            assertThat(parseWithEnv(Map.of("FLANNELD_VERSION", "true")).version())
                    .isFalse();
        }

        @Test
        void environmentValuesAreCheckedLikeFlags() {
            assertInvalidOption(
                    "Invalid subnet-lease-renew-margin option, out of acceptable range",
                    Map.of("FLANNELD_SUBNET_LEASE_RENEW_MARGIN", "0"));
            assertInvalidOption("invalid public IP address: nope", Map.of("FLANNELD_PUBLIC_IP", "nope"));
        }

        @Test
        void variableNamesAreUpperCaseWithUnderscores() {
            assertThat(FlanneldFlags.get("ip-masq-fully-random-disable").environmentVariable())
                    .isEqualTo("FLANNELD_IP_MASQ_FULLY_RANDOM_DISABLE");
            assertThat(FlanneldFlags.get("log_backtrace_at").environmentVariable())
                    .isEqualTo("FLANNELD_LOG_BACKTRACE_AT");
            assertThat(FlanneldFlags.get("v").environmentVariable()).isEqualTo("FLANNELD_V");
        }
    }

    @Nested
    class Errors {

        @Test
        void unknownFlags() {
            assertBadFlag("flag provided but not defined: -foo", "-foo");
            assertBadFlag("flag provided but not defined: -foo", "--foo=1");
            assertBadFlag("flag provided but not defined: -Ip-masq", "-Ip-masq");
        }

        @Test
        void badValues() {
            assertBadFlag("invalid value \"abc\" for flag -healthz-port: parse error", "--healthz-port=abc");
            assertBadFlag("invalid value \"08\" for flag -healthz-port: parse error", "-healthz-port", "08");
            assertBadFlag("invalid value \"1__0\" for flag -healthz-port: parse error", "-healthz-port=1__0");
            assertBadFlag(
                    "invalid value \"99999999999999999999\" for flag -iptables-resync: value out of range",
                    "-iptables-resync=99999999999999999999");
            assertBadFlag(
                    "invalid value \"\" for flag -subnet-lease-renew-margin: parse error",
                    "-subnet-lease-renew-margin=");
            assertBadFlag("invalid boolean value \"maybe\" for -ip-masq: parse error", "-ip-masq=maybe");
            assertBadFlag(
                    "invalid value \"abc\" for flag -v: strconv.ParseInt: parsing \"abc\": invalid syntax", "-v=abc");
            assertBadFlag(
                    "invalid value \"main\" for flag -vmodule: syntax error: expect comma-separated list of filename=N",
                    "-vmodule=main");
            assertBadFlag(
                    "invalid value \"main\" for flag -log_backtrace_at: syntax error: expect file.go:234",
                    "-log_backtrace_at=main");
        }

        @Test
        void missingValue() {
            assertBadFlag("flag needs an argument: -healthz-port", "-healthz-port");
            assertBadFlag("flag needs an argument: -iface", "--iface");
        }

        @Test
        void badSyntax() {
            assertBadFlag("bad flag syntax: ---ip-masq", "---ip-masq");
            assertBadFlag("bad flag syntax: -=x", "-=x");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-5", "1440", "100000"})
        void renewMarginOutOfRange(String margin) {
            assertInvalidOption(
                    "Invalid subnet-lease-renew-margin option, out of acceptable range",
                    Map.of(),
                    "-subnet-lease-renew-margin",
                    margin);
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 60, 1439})
        void renewMarginInRange(int margin) throws Exception {
            assertThat(parse("-subnet-lease-renew-margin=" + margin).subnetLeaseRenewMargin())
                    .isEqualTo(margin);
        }

        @Test
        void publicIpMustBeIpv4() {
            assertInvalidOption("invalid public IP address: 300.1.1.1", Map.of(), "-public-ip=300.1.1.1");
            assertInvalidOption("invalid public IP address: fd00::1", Map.of(), "-public-ip=fd00::1");
            assertInvalidOption("invalid public IPv6 address: 10.0.0.1", Map.of(), "-public-ipv6=10.0.0.1");
        }

        @Test
        void absurdPortsAreRefused() {
            assertInvalidOption(
                    "invalid value 4294967296 for flag -healthz-port: value out of range",
                    Map.of(),
                    "-healthz-port=4294967296");
        }

        @Test
        void anErrorIsOneLine() {
            assertThatThrownBy(() -> parse("-ip-masq=\n"))
                    .isInstanceOf(UsageException.class)
                    .hasMessage("invalid boolean value \"\\n\" for -ip-masq: parse error");
        }
    }

    @Nested
    class HelpAndVersion {

        @ParameterizedTest
        @ValueSource(strings = {"-h", "-help", "--help", "--h", "-help=false"})
        void helpIsRequested(String flag) throws Exception {
            assertThat(parse(flag).help()).isTrue();
        }

        @Test
        void helpStopsParsingButAnEarlierErrorWins() throws Exception {
            assertThat(parse("-h", "-foo").help()).isTrue();
            assertBadFlag("flag provided but not defined: -foo", "-foo", "-h");
        }

        @Test
        void versionIsHonouredBeforeTheEnvironmentAndTheChecks() throws Exception {
            FlanneldOptions o =
                    parseWithEnv(Map.of("FLANNELD_ETCD_PREFIX", "/env"), "-version", "-subnet-lease-renew-margin=0");
            assertThat(o.version()).isTrue();
            assertThat(o.etcdPrefix()).isEqualTo("/coreos.com/network");
        }
    }

    @Test
    void theEtcdPasswordIsNotPrinted() throws Exception {
        assertThat(parse("-etcd-password=s3cret").toString())
                .doesNotContain("s3cret")
                .contains("etcdPassword:********");
    }
}
