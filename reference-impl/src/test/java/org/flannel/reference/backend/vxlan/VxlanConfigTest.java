package org.flannel.reference.backend.vxlan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flannel.reference.subnet.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VxlanConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static VxlanConfig parse(String backendJson) throws Exception {
        return VxlanConfig.parse(JSON.readTree(backendJson));
    }

    @Test
    void anEmptyBackendGetsFlannelsDefaults() throws Exception {
        VxlanConfig config = parse("{}");
        assertThat(config).isEqualTo(new VxlanConfig(1, 0, 0, false, false, false));
        assertThat(config.deviceName()).isEqualTo("flannel.1");
    }

    @Test
    void onlyATypeGetsFlannelsDefaults() throws Exception {
        assertThat(parse("{\"Type\":\"vxlan\"}")).isEqualTo(new VxlanConfig(1, 0, 0, false, false, false));
    }

    @Test
    void everyOptionIsRead() throws Exception {
        VxlanConfig config = parse("{\"Type\":\"vxlan\",\"VNI\":42,\"Port\":4789,\"MTU\":9000,\"GBP\":true,"
                + "\"Learning\":true,\"DirectRouting\":true}");
        assertThat(config).isEqualTo(new VxlanConfig(42, 4789, 9000, true, true, true));
        assertThat(config.deviceName()).isEqualTo("flannel.42");
    }

    @Test
    void keysMatchWhateverTheirCaseAsWithGosEncodingJson() throws Exception {
        VxlanConfig config = parse("{\"type\":\"vxlan\",\"vni\":7,\"PORT\":4789,\"mTu\":1400,\"gbp\":true,"
                + "\"LEARNING\":true,\"directrouting\":true}");
        assertThat(config).isEqualTo(new VxlanConfig(7, 4789, 1400, true, true, true));
    }

    @Test
    void unknownKeysAreIgnored() throws Exception {
        assertThat(parse("{\"VNI\":3,\"Whatever\":[1,2],\"MacPrefix\":\"0E:2A\"}"))
                .isEqualTo(new VxlanConfig(3, 0, 0, false, false, false));
    }

    @Test
    void theLargest24BitVniIsAccepted() throws Exception {
        assertThat(parse("{\"VNI\":16777215}").vni()).isEqualTo(16777215L);
        assertThat(parse("{\"VNI\":16777215}").deviceName()).isEqualTo("flannel.16777215");
    }

    @Test
    void aVniBeyond24BitsIsRefused() {
        assertThatThrownBy(() -> parse("{\"VNI\":16777216}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("VNI 16777216 is out of range")
                .hasMessageContaining("24 bits");
    }

    @Test
    void aNegativeVniIsRefused() {
        assertThatThrownBy(() -> parse("{\"VNI\":-1}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("VNI -1 is out of range");
    }

    @Test
    void aPortBeyond65535IsRefused() throws Exception {
        assertThat(parse("{\"Port\":65535}").port()).isEqualTo(65535);
        assertThatThrownBy(() -> parse("{\"Port\":65536}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Backend.Port 65536 is out of range (0..65535)");
    }

    @Test
    void anMtuTooSmallForVxlanIsRefusedButZeroMeansTheInterfaces() throws Exception {
        assertThat(parse("{\"MTU\":0}").mtu()).isZero();
        assertThat(parse("{\"MTU\":118}").mtu()).isEqualTo(118);
        assertThatThrownBy(() -> parse("{\"MTU\":117}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Backend.MTU 117 is too small");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"VNI\":\"1\"}            | Backend.VNI must be a whole number, not \"1\"",
                "{\"VNI\":1.5}              | Backend.VNI must be a whole number, not 1.5",
                "{\"Port\":\"8472\"}        | Backend.Port must be a whole number, not \"8472\"",
                "{\"MTU\":true}             | Backend.MTU must be a whole number, not true",
                "{\"GBP\":1}                | Backend.GBP must be true or false, not 1",
                "{\"Learning\":\"yes\"}     | Backend.Learning must be true or false, not \"yes\"",
                "{\"DirectRouting\":\"true\"} | Backend.DirectRouting must be true or false, not \"true\"",
                "{\"vni\":{}}               | Backend.VNI must be a whole number, not {}"
            })
    void valuesOfTheWrongTypeAreRefusedNamingTheKeyAndTheValue(String backend, String message) {
        assertThatThrownBy(() -> parse(backend))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void theLogLineHasFlannelsFormat() throws Exception {
        assertThat(parse("{\"VNI\":2,\"Port\":4789,\"DirectRouting\":true}").toString())
                .isEqualTo("VNI=2 Port=4789 GBP=false Learning=false DirectRouting=true");
    }

    @Test
    void aPortThatOverflowsAnIntIsRefusedRatherThanWrapped() {
        assertThatThrownBy(() -> parse("{\"Port\":4294967297}")).isInstanceOf(ConfigException.class);
    }

    @Test
    void anMtuThatOverflowsAnIntIsRefusedRatherThanWrapped() {
        assertThatThrownBy(() -> parse("{\"MTU\":4294968796}")).isInstanceOf(ConfigException.class);
    }

    @Test
    void aVniTooBigForALongIsRefusedRatherThanWrapped() {
        assertThatThrownBy(() -> parse("{\"VNI\":18446744073709551617}")).isInstanceOf(ConfigException.class);
    }

    @Test
    void aNullValueKeepsTheDefaultAsGoDoes() throws Exception {
        assertThat(parse("{\"VNI\":null,\"Port\":null,\"DirectRouting\":null}"))
                .isEqualTo(new VxlanConfig(1, 0, 0, false, false, false));
    }

    @Test
    void aNullBackendReadsAsTheDefaults() throws Exception {
        JsonNode nullNode = JSON.readTree("null");
        assertThat(VxlanConfig.parse(nullNode)).isEqualTo(new VxlanConfig(1, 0, 0, false, false, false));
    }
}
