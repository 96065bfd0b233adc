package org.flannel.reference.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flannel.reference.backend.hostgw.HostGwConfig;
import org.flannel.reference.backend.udp.UdpConfig;
import org.flannel.reference.backend.vxlan.VxlanConfig;
import org.flannel.reference.subnet.ConfigException;
import org.flannel.reference.subnet.NetworkConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackendConfigsTest {

    private static BackendConfig parse(String backend) throws ConfigException {
        String json = "{\"Network\":\"10.1.0.0/16\"" + (backend == null ? "" : ",\"Backend\":" + backend) + "}";
        return BackendConfigs.parse(NetworkConfig.parse(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vxlan", "VXLAN", "VxLaN", "Vxlan"})
    void vxlanIsChosenWhateverTheCaseOfItsType(String type) throws Exception {
        assertThat(parse("{\"Type\":\"" + type + "\"}")).isEqualTo(new VxlanConfig(1, 0, 0, false, false, false));
    }

    @Test
    void theVxlanOptionsOfTheBackendSectionAreRead() throws Exception {
        assertThat(parse("{\"Type\":\"vxlan\",\"VNI\":4,\"Port\":4789,\"DirectRouting\":true}"))
                .isEqualTo(new VxlanConfig(4, 4789, 0, false, false, true));
    }

    @Test
    void anInvalidVxlanOptionIsReported() {
        assertThatThrownBy(() -> parse("{\"Type\":\"vxlan\",\"VNI\":16777216}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("VNI 16777216 is out of range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo", "vxlan2", " vxlan", "gre"})
    void anUnknownTypeIsRefusedWithFlannelsMessage(String type) {
        assertThatThrownBy(() -> parse("{\"Type\":\"" + type + "\"}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown backend type: " + type);
    }

    @Test
    void aBackendWithoutTypeIsAnUnknownEmptyType() {
        // Flannel: Backend present without Type => BackendType "" => manager: unknown backend type: (empty)
        assertThatThrownBy(() -> parse("{\"VNI\":1}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown backend type: ");
    }

    @Test
    void anUnknownTypeIsPrintedLowerCasedAsFlannelDoes() {
        assertThatThrownBy(() -> parse("{\"Type\":\"Foo\"}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown backend type: foo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ipip", "IPIP", "wireguard", "ipsec"})
    void backendsFlannelHasButThisImplementationDoesNotAreRefusedAsNotSupportedYet(String type) {
        assertThatThrownBy(() -> parse("{\"Type\":\"" + type + "\"}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("backend type " + type.toLowerCase() + " is not supported by this flanneld yet")
                .hasMessageNotContaining("unknown backend type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"host-gw", "Host-GW", "HOST-GW"})
    void hostGwIsChosenWhateverTheCaseOfItsType(String type) throws Exception {
        assertThat(parse("{\"Type\":\"" + type + "\"}")).isEqualTo(new HostGwConfig());
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "UDP", "Udp"})
    void udpIsChosenWhateverTheCaseOfItsType(String type) throws Exception {
        assertThat(parse("{\"Type\":\"" + type + "\"}")).isEqualTo(new UdpConfig(8285));
    }

    @Test
    void noBackendMeansUdpAsInFlannelsCode() throws Exception {
        assertThat(parse(null)).isEqualTo(new UdpConfig(8285));
    }

    @Test
    void theUdpPortIsRead() throws Exception {
        assertThat(parse("{\"Type\":\"udp\",\"Port\":9000}")).isEqualTo(new UdpConfig(9000));
    }
}
