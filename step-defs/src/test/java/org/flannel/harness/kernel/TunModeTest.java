package org.flannel.harness.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ip -details -json link show} as iproute2 6.1 prints it for a TUN and a TAP device. */
class TunModeTest {

    private static final String TUN = """
            [{"ifindex":3,"ifname":"flannel0","flags":["POINTOPOINT","MULTICAST","NOARP","UP","LOWER_UP"],"mtu":1472,\
            "qdisc":"fq_codel","operstate":"UNKNOWN","linkmode":"DEFAULT","group":"default","txqlen":500,\
            "link_type":"none","promiscuity":0,"min_mtu":68,"max_mtu":65535,"linkinfo":{"info_kind":"tun",\
            "info_data":{"type":"tun","pi":false,"vnet_hdr":false,"multi_queue":false,"persist":false}}}]
            """;
    private static final String TAP = TUN.replace("\"type\":\"tun\"", "\"type\":\"tap\"");
    private static final String VXLAN = """
            [{"ifindex":4,"ifname":"flannel0","mtu":1450,"linkinfo":{"info_kind":"vxlan","info_data":{"id":1}}}]
            """;

    @Test
    void aTunDeviceInTunMode() {
        TunMode mode = TunMode.parse("flannel0", TUN);

        assertThat(mode.isTun()).isTrue();
        assertThat(mode.describe()).isEqualTo("flannel0: kind tun, mode tun");
    }

    @Test
    void aTapDeviceIsNotOne() {
        TunMode mode = TunMode.parse("flannel0", TAP);

        assertThat(mode.isTun()).isFalse();
        assertThat(mode.describe()).isEqualTo("flannel0: kind tun, mode tap");
    }

    @Test
    void anotherKindOrNoDeviceIsNotOne() {
        assertThat(TunMode.parse("flannel0", VXLAN).isTun()).isFalse();
        assertThat(TunMode.parse("flannel0", "[]").describe()).startsWith("flannel0: no such device");
    }
}
