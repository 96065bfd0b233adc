package org.flannel.reference.subnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.ip.Ip6Net;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkConfigTest {

    private static NetworkConfig parse(String json) throws ConfigException {
        return NetworkConfig.parse(json);
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> NetworkConfig.parse(json))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Nested
    class FlannelsOwnCases {

        @Test
        void defaultsFromANetworkAlone() throws Exception {
            // config_test.go TestConfigDefaults
            NetworkConfig config = parse("{ \"network\": \"10.3.0.0/16\" }");
            assertThat(config.network()).hasToString("10.3.0.0/16");
            assertThat(config.subnetMin()).hasToString("10.3.1.0");
            assertThat(config.subnetMax()).hasToString("10.3.255.0");
            assertThat(config.subnetLen()).isEqualTo(24);
            assertThat(config.enableIPv4()).isTrue();
            assertThat(config.enableIPv6()).isFalse();
            assertThat(config.enableNFTables()).isFalse();
            assertThat(config.ipv6Network()).isNull();
        }

        @Test
        void ipv6Defaults() throws Exception {
            // config_test.go TestIPv6ConfigDefaults
            NetworkConfig config =
                    parse("{ \"enableIPv6\": true, \"ipv6Network\": \"fc00::/48\", \"enableIPv4\": false }");
            assertThat(config.ipv6Network()).hasToString("fc00::/48");
            assertThat(config.ipv6SubnetMin()).hasToString("fc00:0:0:1::");
            assertThat(config.ipv6SubnetMax()).hasToString("fc00:0:0:ffff::");
            assertThat(config.ipv6SubnetLen()).isEqualTo(64);
            assertThat(config.enableIPv4()).isFalse();
            assertThat(config.network()).isNull();
        }

        @Test
        void overridesAreHonoured() throws Exception {
            // config_test.go TestConfigOverrides
            NetworkConfig config = parse("{ \"Network\": \"10.3.0.0/16\", \"SubnetMin\": \"10.3.5.0\", "
                    + "\"SubnetMax\": \"10.3.8.0\", \"SubnetLen\": 28 }");
            assertThat(config.network()).hasToString("10.3.0.0/16");
            assertThat(config.subnetMin()).hasToString("10.3.5.0");
            assertThat(config.subnetMax()).hasToString("10.3.8.0");
            assertThat(config.subnetLen()).isEqualTo(28);
        }

        @Test
        void ipv6OverridesAreHonoured() throws Exception {
            // config_test.go TestIPv6ConfigOverrides
            NetworkConfig config = parse("{ \"EnableIPv6\": true, \"IPv6Network\": \"fc00::/48\", "
                    + "\"IPv6SubnetMin\": \"fc00:0:0:1::\", \"IPv6SubnetMax\": \"fc00:0:0:f::\", "
                    + "\"IPv6SubnetLen\": 124, \"enableIPv4\": false }");
            assertThat(config.ipv6Network()).hasToString("fc00::/48");
            assertThat(config.ipv6SubnetMin()).hasToString("fc00:0:0:1::");
            assertThat(config.ipv6SubnetMax()).hasToString("fc00:0:0:f::");
            assertThat(config.ipv6SubnetLen()).isEqualTo(124);
        }
    }

    @Nested
    class Defaults {

        @ParameterizedTest(name = "{0} gives /{1} from {2} to {3}")
        @CsvSource({
            "10.0.0.0/8, 24, 10.0.1.0, 10.255.255.0",
            "10.0.0.0/22, 24, 10.0.1.0, 10.0.3.0",
            "10.0.0.0/23, 25, 10.0.0.128, 10.0.1.128",
            "10.0.0.0/25, 27, 10.0.0.32, 10.0.0.96",
            "10.0.0.0/28, 30, 10.0.0.4, 10.0.0.12",
            "255.255.0.0/16, 24, 255.255.1.0, 255.255.255.0",
        })
        void subnetLenMinAndMaxFollowTheNetworkSize(String network, int len, String min, String max) throws Exception {
            NetworkConfig config = parse("{\"Network\":\"" + network + "\"}");
            assertThat(config.subnetLen()).isEqualTo(len);
            assertThat(config.subnetMin()).hasToString(min);
            assertThat(config.subnetMax()).hasToString(max);
        }

        @Test
        void networkIsNormalisedToItsAddress() throws Exception {
            assertThat(parse("{\"Network\":\"10.3.7.9/16\"}").network()).isEqualTo(Ip4Net.parse("10.3.0.0/16"));
        }

        @Test
        void ipv6SubnetLenGrowsForSmallNetworks() throws Exception {
            NetworkConfig config =
                    parse("{\"EnableIPv6\":true,\"IPv6Network\":\"fd00:10:244::/120\",\"Network\":\"10.0.0.0/16\"}");
            assertThat(config.ipv6SubnetLen()).isEqualTo(122);
            assertThat(config.ipv6SubnetMin()).hasToString("fd00:10:244::40");
            assertThat(config.ipv6SubnetMax()).hasToString("fd00:10:244::c0");
            assertThat(config.subnetLen()).isEqualTo(24);
        }

        @Test
        void dualStack() throws Exception {
            NetworkConfig config = parse("{\"Network\":\"10.42.0.0/16\",\"EnableIPv6\":true,"
                    + "\"IPv6Network\":\"fd00:10:244::/56\",\"Backend\":{\"Type\":\"vxlan\"}}");
            assertThat(config.enableIPv4()).isTrue();
            assertThat(config.enableIPv6()).isTrue();
            assertThat(config.ipv6SubnetLen()).isEqualTo(64);
            assertThat(config.ipv6SubnetMin()).hasToString("fd00:10:244:1::");
            assertThat(config.ipv6SubnetMax()).hasToString("fd00:10:244:ff::");
        }

        @Test
        void zeroValuesMeanNotGivenAsInGo() throws Exception {
            NetworkConfig config = parse("{\"Network\":\"10.3.0.0/16\",\"SubnetMin\":\"0.0.0.0\",\"SubnetLen\":0,"
                    + "\"SubnetLen\":null,\"EnableIPv4\":null}");
            assertThat(config.subnetMin()).hasToString("10.3.1.0");
            assertThat(config.subnetLen()).isEqualTo(24);
            assertThat(config.enableIPv4()).isTrue();
        }

        @Test
        void nftablesCanBeEnabled() throws Exception {
            assertThat(parse("{\"Network\":\"10.3.0.0/16\",\"EnableNFTables\":true}")
                            .enableNFTables())
                    .isTrue();
        }
    }

    @Nested
    class JsonDecoding {

        @Test
        void keysAreCaseInsensitiveLikeGo() throws Exception {
            NetworkConfig config = parse("{\"NETWORK\":\"10.3.0.0/16\",\"subnetlen\":26,\"SUBNETMIN\":\"10.3.0.64\","
                    + "\"subnetMAX\":\"10.3.1.0\",\"backend\":{\"TYPE\":\"host-gw\"}}");
            assertThat(config.network()).hasToString("10.3.0.0/16");
            assertThat(config.subnetLen()).isEqualTo(26);
            assertThat(config.subnetMin()).hasToString("10.3.0.64");
            assertThat(config.subnetMax()).hasToString("10.3.1.0");
            assertThat(config.backendType()).isEqualTo("host-gw");
        }

        @Test
        void unknownKeysAreIgnored() throws Exception {
            NetworkConfig config =
                    parse("{\"Network\":\"10.3.0.0/16\",\"Comment\":\"hello\",\"Nested\":{\"a\":[1,2]}}");
            assertThat(config.network()).hasToString("10.3.0.0/16");
        }

        @Test
        void theLastOfTwoSpellingsWins() throws Exception {
            assertThat(parse("{\"network\":\"10.3.0.0/16\",\"Network\":\"10.4.0.0/16\"}")
                            .network())
                    .hasToString("10.4.0.0/16");
        }

        @Test
        void nullDocumentIsAnEmptyConfig() {
            assertRefused("null", "please define a correct Network parameter in the flannel config");
        }

        @Test
        void textThatIsNotJsonIsRefusedWithGosSyntaxError() {
            assertRefused("hello", "invalid character 'h' looking for beginning of value");
            assertRefused("{", "unexpected end of JSON input");
            assertRefused("{\"Network\":\"10.0.0.0/8\"} trailing", "invalid character 't' after top-level value");
            assertRefused(
                    "{'Network':'10.0.0.0/8'}", "invalid character '\\'' looking for beginning of object key string");
            assertRefused("", "unexpected end of JSON input");
            assertRefused("   ", "unexpected end of JSON input");
        }

        @Test
        void aDocumentThatIsNotAnObjectIsRefusedLikeGo() {
            assertRefused("[1]", "json: cannot unmarshal array into Go value of type subnet.Config");
            assertRefused("\"x\"", "json: cannot unmarshal string into Go value of type subnet.Config");
        }

        @Test
        void wrongKindsAreGoTypeErrors() {
            assertRefused(
                    "{\"Network\":\"10.0.0.0/8\",\"SubnetLen\":\"24\"}",
                    "json: cannot unmarshal string into Go struct field Config.SubnetLen of type uint");
            assertRefused(
                    "{\"Network\":\"10.0.0.0/8\",\"SubnetLen\":-1}",
                    "json: cannot unmarshal number -1 into Go struct field Config.SubnetLen of type uint");
            assertRefused(
                    "{\"Network\":\"10.0.0.0/8\",\"SubnetLen\":24.5}",
                    "json: cannot unmarshal number 24.5 into Go struct field Config.SubnetLen of type uint");
            assertRefused(
                    "{\"Network\":\"10.0.0.0/8\",\"EnableIPv6\":\"yes\"}",
                    "json: cannot unmarshal string into Go struct field Config.EnableIPv6 of type bool");
        }

        @Test
        void badAddressesUseFlannelsUnmarshalMessages() {
            assertRefused("{\"Network\":\"10.0.0.0/33\"}", "invalid CIDR address: 10.0.0.0/33");
            assertRefused("{\"Network\":\"10.0.0.0\"}", "invalid CIDR address: 10.0.0.0");
            assertRefused("{\"Network\":5}", "invalid CIDR address: 5");
            assertRefused("{\"Network\":\"10.0.0.0/8\",\"SubnetMin\":\"10.0.0\"}", "Invalid IP address format");
            assertRefused("{\"Network\":\"10.0.0.0/8\",\"SubnetMin\":null}", "Invalid IP address format");
            assertRefused("{\"Network\":\"10.0.0.0/8\",\"SubnetMax\":\"fc00::1\"}", "Invalid IP address format");
            assertRefused(
                    "{\"EnableIPv6\":true,\"IPv6Network\":\"fc00::/48\",\"IPv6SubnetMin\":\"x\",\"EnableIPv4\":false}",
                    "Invalid IP address format");
            assertRefused("{\"IPv6Network\":\"fc00::/129\"}", "invalid CIDR address: fc00::/129");
        }

        @Test
        void anUnmarshalErrorWinsOverAnEarlierTypeErrorAsInGo() {
            assertRefused("{\"SubnetLen\":\"x\",\"Network\":\"bad\"}", "invalid CIDR address: bad");
        }
    }

    @Nested
    class Backend {

        @Test
        void absentBackendMeansUdpAsFlannelsCodeSays() throws Exception {
            NetworkConfig config = parse("{\"Network\":\"10.3.0.0/16\"}");
            assertThat(config.backendType()).isEqualTo("udp");
            assertThat(config.backend().isObject()).isTrue();
            assertThat(config.backend().size()).isZero();
        }

        @Test
        void typeIsReadCaseInsensitivelyAndKeptAsWritten() throws Exception {
            assertThat(parse("{\"Network\":\"10.3.0.0/16\",\"Backend\":{\"Type\":\"vxlan\"}}")
                            .backendType())
                    .isEqualTo("vxlan");
            assertThat(parse("{\"Network\":\"10.3.0.0/16\",\"Backend\":{\"type\":\"host-gw\"}}")
                            .backendType())
                    .isEqualTo("host-gw");
            assertThat(parse("{\"Network\":\"10.3.0.0/16\",\"Backend\":{\"Type\":\"VXLAN\"}}")
                            .backendType())
                    .isEqualTo("VXLAN");
        }

        @Test
        void aBackendWithoutTypeGivesAnEmptyTypeAsFlannelsParseBackendTypeDoes() throws Exception {
            assertThat(parse("{\"Network\":\"10.3.0.0/16\",\"Backend\":{}}").backendType())
                    .isEmpty();
            assertThat(parse("{\"Network\":\"10.3.0.0/16\",\"Backend\":{\"Port\":8472}}")
                            .backendType())
                    .isEmpty();
            assertThat(parse("{\"Network\":\"10.3.0.0/16\",\"Backend\":null}").backendType())
                    .isEmpty();
        }

        @Test
        void theRawBackendObjectIsKeptForTheBackend() throws Exception {
            NetworkConfig config = parse("{\"Network\":\"10.3.0.0/16\",\"Backend\":{\"Type\":\"vxlan\",\"VNI\":4096,"
                    + "\"Port\":4789,\"DirectRouting\":true}}");
            assertThat(config.backend().get("VNI").intValue()).isEqualTo(4096);
            assertThat(config.backend().get("Port").intValue()).isEqualTo(4789);
            assertThat(config.backend().get("DirectRouting").booleanValue()).isTrue();
        }

        @Test
        void aBackendThatIsNotAnObjectIsRefused() {
            assertRefused(
                    "{\"Network\":\"10.3.0.0/16\",\"Backend\":\"vxlan\"}",
                    "error decoding Backend property of config: json: cannot unmarshal string into Go value of type struct { Type string }");
            assertRefused(
                    "{\"Network\":\"10.3.0.0/16\",\"Backend\":{\"Type\":1}}",
                    "error decoding Backend property of config: json: cannot unmarshal number into Go struct field .Type of type string");
        }
    }

    @Nested
    class ValidationMessages {

        @Test
        void networkMissing() {
            assertRefused("{}", "please define a correct Network parameter in the flannel config");
            assertRefused(
                    "{\"Network\":\"0.0.0.0/0\"}", "please define a correct Network parameter in the flannel config");
        }

        @Test
        void subnetLenTooLong() {
            assertRefused("{\"Network\":\"10.0.0.0/16\",\"SubnetLen\":31}", "SubnetLen must be less than /31");
        }

        @Test
        void fewerThanFourSubnets() {
            assertRefused(
                    "{\"Network\":\"10.0.0.0/16\",\"SubnetLen\":17}",
                    "network must be able to accommodate at least four subnets");
        }

        @Test
        void networkTooSmall() {
            assertRefused(
                    "{\"Network\":\"10.0.0.0/29\"}", "network is too small. Minimum useful network prefix is /28");
        }

        @Test
        void subnetMinOutsideNetwork() {
            assertRefused(
                    "{\"Network\":\"10.3.0.0/16\",\"SubnetMin\":\"10.4.1.0\"}",
                    "SubnetMin is not in the range of the Network");
        }

        @Test
        void subnetMaxOutsideNetwork() {
            assertRefused(
                    "{\"Network\":\"10.3.0.0/16\",\"SubnetMax\":\"10.2.1.0\"}",
                    "SubnetMax is not in the range of the Network");
        }

        @Test
        void subnetMinOffBoundary() {
            assertRefused(
                    "{\"Network\":\"10.3.0.0/16\",\"SubnetMin\":\"10.3.1.128\"}",
                    "SubnetMin is not on a SubnetLen boundary: 10.3.1.128");
        }

        @Test
        void subnetMaxOffBoundary() {
            assertRefused(
                    "{\"Network\":\"10.3.0.0/16\",\"SubnetMax\":\"10.3.9.1\"}",
                    "SubnetMax is not on a SubnetLen boundary: 10.3.9.1");
        }

        @Test
        void aRangeThatHoldsNoSubnetIsRefusedBeforeAnythingIsMadeBeyondFlannel() throws Exception {
            assertRefused(
                    "{\"Network\":\"10.1.0.0/16\",\"SubnetMin\":\"10.1.200.0\",\"SubnetMax\":\"10.1.100.0\"}",
                    "SubnetMin (10.1.200.0) is above SubnetMax (10.1.100.0): no subnet can be leased");
            // A range of one subnet is still a range.
            NetworkConfig one =
                    parse("{\"Network\":\"10.1.0.0/16\",\"SubnetMin\":\"10.1.7.0\",\"SubnetMax\":\"10.1.7.0\"}");
            assertThat(one.subnetMin()).isEqualTo(one.subnetMax());
        }

        @Test
        void ipv6NetworkMissing() {
            assertRefused(
                    "{\"Network\":\"10.3.0.0/16\",\"EnableIPv6\":true}",
                    "please define a correct IPv6Network parameter in the flannel config");
        }

        @Test
        void ipv6SubnetLenTooLong() {
            assertRefused(
                    "{\"EnableIPv4\":false,\"EnableIPv6\":true,\"IPv6Network\":\"fc00::/48\",\"IPv6SubnetLen\":127}",
                    "SubnetLen must be less than /127");
        }

        @Test
        void ipv6FewerThanFourSubnets() {
            assertRefused(
                    "{\"EnableIPv4\":false,\"EnableIPv6\":true,\"IPv6Network\":\"fc00::/48\",\"IPv6SubnetLen\":49}",
                    "network must be able to accommodate at least four subnets");
        }

        @Test
        void ipv6NetworkTooSmall() {
            assertRefused(
                    "{\"EnableIPv4\":false,\"EnableIPv6\":true,\"IPv6Network\":\"fc00::/125\"}",
                    "IPv6Network is too small. Minimum useful network prefix is /124");
        }

        @Test
        void ipv6SubnetMinOutsideNetwork() {
            assertRefused(
                    "{\"EnableIPv4\":false,\"EnableIPv6\":true,\"IPv6Network\":\"fc00::/48\",\"IPv6SubnetMin\":\"fd00::\"}",
                    "IPv6SubnetMin is not in the range of the IPv6Network");
        }

        @Test
        void ipv6SubnetMaxOutsideNetwork() {
            assertRefused(
                    "{\"EnableIPv4\":false,\"EnableIPv6\":true,\"IPv6Network\":\"fc00::/48\",\"IPv6SubnetMax\":\"fd00::\"}",
                    "IPv6SubnetMax is not in the range of the IPv6Network");
        }

        @Test
        void ipv6SubnetMinOffBoundary() {
            assertRefused(
                    "{\"EnableIPv4\":false,\"EnableIPv6\":true,\"IPv6Network\":\"fc00::/48\",\"IPv6SubnetMin\":\"fc00:0:0:1::1\"}",
                    "IPv6SubnetMin is not on a SubnetLen boundary: fc00:0:0:1::1");
        }

        @Test
        void ipv6SubnetMaxOffBoundary() {
            assertRefused(
                    "{\"EnableIPv4\":false,\"EnableIPv6\":true,\"IPv6Network\":\"fc00::/48\",\"IPv6SubnetMax\":\"fc00:0:0:9::2\"}",
                    "IPv6SubnetMax is not on a SubnetLen boundary: fc00:0:0:9::2");
        }

        @Test
        void ipv4ChecksAreSkippedWhenIpv4IsDisabled() throws Exception {
            NetworkConfig config =
                    parse("{\"EnableIPv4\":false,\"EnableIPv6\":true,\"IPv6Network\":\"fc00::/48\",\"SubnetLen\":99}");
            assertThat(config.subnetLen()).isEqualTo(99);
        }
    }

    @Nested
    class Compatibility {

        @Test
        void aSubnetIsCompatibleWithinMinMaxAtSubnetLen() throws Exception {
            NetworkConfig config =
                    parse("{\"Network\":\"10.3.0.0/16\",\"SubnetMin\":\"10.3.1.0\",\"SubnetMax\":\"10.3.25.0\"}");
            assertThat(config.isCompatible(Ip4Net.parse("10.3.1.0/24"))).isTrue();
            assertThat(config.isCompatible(Ip4Net.parse("10.3.25.0/24"))).isTrue();
            assertThat(config.isCompatible(Ip4Net.parse("10.3.6.0/24"))).isTrue();
            assertThat(config.isCompatible(Ip4Net.parse("10.3.26.0/24"))).isFalse();
            assertThat(config.isCompatible(Ip4Net.parse("10.3.0.0/24"))).isFalse();
            assertThat(config.isCompatible(Ip4Net.parse("10.4.1.0/24"))).isFalse();
            assertThat(config.isCompatible(Ip4Net.parse("10.3.6.0/25"))).isFalse();
        }

        @Test
        void withoutIpv6OnlyAnAbsentIpv6SubnetIsCompatible() throws Exception {
            NetworkConfig config = parse("{\"Network\":\"10.3.0.0/16\"}");
            assertThat(config.isIpv6Compatible(null)).isTrue();
            assertThat(config.isIpv6Compatible(Ip6Net.parse("fc00:0:0:1::/64"))).isFalse();
        }

        @Test
        void withIpv6TheIpv6SubnetMustFit() throws Exception {
            NetworkConfig config =
                    parse("{\"Network\":\"10.3.0.0/16\",\"EnableIPv6\":true,\"IPv6Network\":\"fc00::/48\"}");
            assertThat(config.isIpv6Compatible(Ip6Net.parse("fc00:0:0:1::/64"))).isTrue();
            assertThat(config.isIpv6Compatible(Ip6Net.parse("fc00::/64"))).isFalse();
            assertThat(config.isIpv6Compatible(Ip6Net.parse("fc00:0:0:1::/63"))).isFalse();
            assertThat(config.isIpv6Compatible(null)).isFalse();
        }
    }
}
