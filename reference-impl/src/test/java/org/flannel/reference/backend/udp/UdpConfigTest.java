package org.flannel.reference.backend.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flannel.reference.subnet.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UdpConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static UdpConfig parse(String backendJson) throws Exception {
        return UdpConfig.parse(JSON.readTree(backendJson));
    }

    @Test
    void anEmptyBackendGetsFlannelsDefaultPort() throws Exception {
        assertThat(parse("{}")).isEqualTo(new UdpConfig(8285));
    }

    @Test
    void onlyATypeGetsTheDefaultPort() throws Exception {
        assertThat(parse("{\"Type\":\"udp\"}").port()).isEqualTo(8285);
    }

    @Test
    void thePortIsRead() throws Exception {
        assertThat(parse("{\"Type\":\"udp\",\"Port\":9999}").port()).isEqualTo(9999);
    }

    @ParameterizedTest
    @ValueSource(strings = {"port", "PORT", "pOrT"})
    void keysMatchWhateverTheirCaseAsWithGosEncodingJson(String key) throws Exception {
        assertThat(parse("{\"" + key + "\":7000}").port()).isEqualTo(7000);
    }

    @Test
    void aNullPortKeepsTheDefaultAsGoDoes() throws Exception {
        assertThat(parse("{\"Port\":null}").port()).isEqualTo(8285);
    }

    @Test
    void unknownKeysAndOtherBackendsOptionsAreIgnored() throws Exception {
        assertThat(parse("{\"VNI\":3,\"Whatever\":[1,2]}")).isEqualTo(new UdpConfig(8285));
    }

    @Test
    void theRangeEndsAreAccepted() throws Exception {
        assertThat(parse("{\"Port\":1}").port()).isEqualTo(1);
        assertThat(parse("{\"Port\":65535}").port()).isEqualTo(65535);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "65536", "4294975581", "99999999999999999999999"})
    void aPortOutOfRangeIsRefusedWithoutWrapping(String port) {
        assertThatThrownBy(() -> parse("{\"Port\":" + port + "}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Backend.Port " + port + " is out of range (1..65535)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"8285\"", "8285.5", "true", "[8285]"})
    void aPortThatIsNotAWholeNumberIsRefused(String port) {
        assertThatThrownBy(() -> parse("{\"Port\":" + port + "}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Backend.Port must be a whole number");
    }

    @Test
    void itDescribesItselfForTheLog() throws Exception {
        assertThat(parse("{}")).hasToString("Port=8285");
    }
}
