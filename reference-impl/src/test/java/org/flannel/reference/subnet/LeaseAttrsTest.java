package org.flannel.reference.subnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.flannel.reference.ip.Ip4;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeaseAttrsTest {

    private static ObjectNode vxlanData(int vni, String mac) {
        return JsonNodeFactory.instance.objectNode().put("VNI", vni).put("VtepMAC", mac);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // Documentation/reservations.md (vxlan)
                "{\"PublicIP\":\"192.168.64.3\",\"PublicIPv6\":null,\"BackendType\":\"vxlan\",\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"c6:d2:32:6f:8f:44\"}}",
                "{\"PublicIP\":\"10.168.0.2\",\"PublicIPv6\":null,\"BackendType\":\"vxlan\",\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"5e:f8:4f:00:e3:37\"}}",
                // registry_test.go: what udp writes
                "{\"PublicIP\":\"1.2.3.4\",\"PublicIPv6\":null}",
                // host-gw: no BackendData
                "{\"PublicIP\":\"10.0.0.2\",\"PublicIPv6\":null,\"BackendType\":\"host-gw\"}",
                // dual stack vxlan
                "{\"PublicIP\":\"10.0.0.2\",\"PublicIPv6\":\"fd00::2\",\"BackendType\":\"vxlan\",\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"aa:bb:cc:dd:ee:01\"},\"BackendV6Data\":{\"VNI\":1,\"VtepMAC\":\"aa:bb:cc:dd:ee:02\"}}"
            })
    void documentedValuesRoundTripByteForByte(String json) {
        assertThat(LeaseAttrs.fromJson(json).toJson()).isEqualTo(json);
    }

    @Test
    void vxlanAttrsMarshalExactlyAsGoDoes() {
        LeaseAttrs attrs =
                new LeaseAttrs(Ip4.parse("192.168.64.3"), null, "vxlan", vxlanData(1, "c6:d2:32:6f:8f:44"), null);
        assertThat(attrs.toJson())
                .isEqualTo(
                        "{\"PublicIP\":\"192.168.64.3\",\"PublicIPv6\":null,\"BackendType\":\"vxlan\",\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"c6:d2:32:6f:8f:44\"}}");
    }

    @Test
    void udpAttrsCarryOnlyThePublicIp() {
        assertThat(LeaseAttrs.of(Ip4.parse("1.2.3.4")).toJson())
                .isEqualTo("{\"PublicIP\":\"1.2.3.4\",\"PublicIPv6\":null}");
        assertThat(new LeaseAttrs(Ip4.parse("1.2.3.4"), null, "", null, null).toJson())
                .isEqualTo("{\"PublicIP\":\"1.2.3.4\",\"PublicIPv6\":null}");
    }

    @Test
    void hostGwAttrsOmitBackendData() {
        assertThat(new LeaseAttrs(Ip4.parse("10.0.0.2"), null, "host-gw", null, null).toJson())
                .isEqualTo("{\"PublicIP\":\"10.0.0.2\",\"PublicIPv6\":null,\"BackendType\":\"host-gw\"}");
    }

    @Test
    void dualStackAttrsWriteTheIpv6FieldsInGosOrder() {
        LeaseAttrs attrs = new LeaseAttrs(
                Ip4.parse("10.0.0.2"),
                "FD00:0:0::2",
                "vxlan",
                vxlanData(1, "aa:bb:cc:dd:ee:01"),
                vxlanData(1, "aa:bb:cc:dd:ee:02"));
        assertThat(attrs.publicIpv6()).isEqualTo("fd00::2");
        assertThat(attrs.toJson())
                .isEqualTo("{\"PublicIP\":\"10.0.0.2\",\"PublicIPv6\":\"fd00::2\",\"BackendType\":\"vxlan\","
                        + "\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"aa:bb:cc:dd:ee:01\"},"
                        + "\"BackendV6Data\":{\"VNI\":1,\"VtepMAC\":\"aa:bb:cc:dd:ee:02\"}}");
    }

    @Test
    void decodingIsTolerantLikeGo() {
        LeaseAttrs attrs = LeaseAttrs.fromJson("{ \"publicip\" : \"10.0.0.9\", \"BACKENDTYPE\": \"vxlan\",\n"
                + "  \"backenddata\": { \"VNI\": 7, \"VtepMAC\": \"aa:bb:cc:dd:ee:ff\" }, \"Extra\": [1, 2] }");
        assertThat(attrs.publicIp()).hasToString("10.0.0.9");
        assertThat(attrs.backendType()).isEqualTo("vxlan");
        assertThat(attrs.backendData().get("VNI").intValue()).isEqualTo(7);
        assertThat(attrs.toJson())
                .isEqualTo("{\"PublicIP\":\"10.0.0.9\",\"PublicIPv6\":null,\"BackendType\":\"vxlan\","
                        + "\"BackendData\":{\"VNI\":7,\"VtepMAC\":\"aa:bb:cc:dd:ee:ff\"}}");
    }

    @Test
    void missingPublicIpDecodesAsTheZeroAddress() {
        assertThat(LeaseAttrs.fromJson("{\"BackendType\":\"host-gw\"}").publicIp())
                .isEqualTo(Ip4.ZERO);
        assertThat(LeaseAttrs.fromJson("null").publicIp()).isEqualTo(Ip4.ZERO);
    }

    @Test
    void aNullBackendDataIsKeptAsGoKeepsARawNull() {
        LeaseAttrs attrs = LeaseAttrs.fromJson("{\"PublicIP\":\"1.2.3.4\",\"PublicIPv6\":null,\"BackendData\":null}");
        assertThat(attrs.toJson()).isEqualTo("{\"PublicIP\":\"1.2.3.4\",\"PublicIPv6\":null,\"BackendData\":null}");
    }

    @Test
    void stringsAreEscapedAsGoEscapesThem() {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("Note", "a<b>&c \"q\" \\ \n\t\u0001\u2028é");
        LeaseAttrs attrs = new LeaseAttrs(Ip4.parse("1.2.3.4"), null, "x<y", data, null);
        assertThat(attrs.toJson())
                .isEqualTo(
                        "{\"PublicIP\":\"1.2.3.4\",\"PublicIPv6\":null,\"BackendType\":\"x\\u003cy\","
                                + "\"BackendData\":{\"Note\":\"a\\u003cb\\u003e\\u0026c \\\"q\\\" \\\\ \\n\\t\\u0001\\u2028é\"}}");
    }

    @Test
    void equalAttrsAreEqualValues() {
        String json =
                "{\"PublicIP\":\"10.0.0.2\",\"PublicIPv6\":null,\"BackendType\":\"vxlan\",\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"aa:bb:cc:dd:ee:01\"}}";
        assertThat(LeaseAttrs.fromJson(json))
                .isEqualTo(
                        new LeaseAttrs(Ip4.parse("10.0.0.2"), null, "vxlan", vxlanData(1, "aa:bb:cc:dd:ee:01"), null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "garbage",
                "{",
                "[]",
                "\"1.2.3.4\"",
                "{\"PublicIP\":\"x\"}",
                "{\"PublicIP\":\"fd00::1\"}",
                "{\"PublicIP\":null}",
                "{\"PublicIP\":\"1.2.3.4\",\"PublicIPv6\":\"nope\"}",
                "{\"PublicIP\":\"1.2.3.4\",\"BackendType\":5}",
                "{\"PublicIP\":\"1.2.3.4\"} {}"
            })
    void garbageIsRefused(String json) {
        assertThatThrownBy(() -> LeaseAttrs.fromJson(json)).isInstanceOf(IllegalArgumentException.class);
    }
}
