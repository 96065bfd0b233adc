package org.flannel.reference.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ip4Test {

    @Test
    void parsesDottedQuadAndPrintsItBack() {
        Ip4 ip = Ip4.parse("10.168.0.2");
        assertThat(ip.toString()).isEqualTo("10.168.0.2");
        assertThat(ip.toLong()).isEqualTo(0x0AA80002L);
        assertThat(Ip4.parse("255.255.255.255").toLong()).isEqualTo(0xFFFFFFFFL);
        assertThat(Ip4.parse("0.0.0.0")).isEqualTo(Ip4.ZERO);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "10",
                "10.1.2",
                "10.1.2.3.4",
                "256.1.1.1",
                "10.01.1.1",
                "10..1.1",
                ".1.1.1",
                "1.1.1.",
                "a.b.c.d",
                " 1.2.3.4",
                "1.2.3.4 ",
                "fd00::1",
                "1.2.3.4/32",
                "١.2.3.4"
            })
    void refusesWhatGoRefuses(String text) {
        assertThatThrownBy(() -> Ip4.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }

    @Test
    void comparesUnsigned() {
        List<Ip4> ips = new ArrayList<>(List.of(Ip4.parse("200.0.0.1"), Ip4.parse("10.0.0.1"), Ip4.parse("127.0.0.1")));
        ips.sort(null);
        assertThat(ips).extracting(Ip4::toString).containsExactly("10.0.0.1", "127.0.0.1", "200.0.0.1");
        assertThat(Ip4.parse("255.0.0.0")).isGreaterThan(Ip4.parse("1.0.0.0"));
    }

    @Test
    void addsWithinTheAddressSpace() {
        assertThat(Ip4.parse("10.5.72.0").plus(1)).hasToString("10.5.72.1");
        assertThat(Ip4.parse("10.5.72.255").plus(1)).hasToString("10.5.73.0");
        assertThat(Ip4.parse("10.5.72.1").plus(-1)).hasToString("10.5.72.0");
        assertThatThrownBy(() -> Ip4.parse("255.255.255.255").plus(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ip4.ZERO.plus(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convertsToAndFromJavaAddresses() {
        Ip4 ip = Ip4.parse("192.168.64.3");
        assertThat(ip.toInetAddress().getHostAddress()).isEqualTo("192.168.64.3");
        assertThat(Ip4.fromInetAddress(ip.toInetAddress())).isEqualTo(ip);
        assertThat(Ip4.fromBytes(new byte[] {10, 0, 0, (byte) 200})).hasToString("10.0.0.200");
        assertThat(Ip4.fromLong(0xC0A84003L)).isEqualTo(ip);
        assertThatThrownBy(() -> Ip4.fromLong(1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsPrivateRanges() {
        assertThat(Ip4.parse("10.1.2.3").isPrivate()).isTrue();
        assertThat(Ip4.parse("172.16.0.1").isPrivate()).isTrue();
        assertThat(Ip4.parse("172.32.0.1").isPrivate()).isFalse();
        assertThat(Ip4.parse("192.168.1.1").isPrivate()).isTrue();
        assertThat(Ip4.parse("8.8.8.8").isPrivate()).isFalse();
    }
}
