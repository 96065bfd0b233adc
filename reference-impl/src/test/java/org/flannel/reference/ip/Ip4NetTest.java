package org.flannel.reference.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ip4NetTest {

    @Test
    void parseNormalisesToTheNetworkAddressLikeGo() {
        Ip4Net net = Ip4Net.parse("10.1.15.7/24");
        assertThat(net).isEqualTo(Ip4Net.parse("10.1.15.0/24"));
        assertThat(net.ip()).hasToString("10.1.15.0");
        assertThat(net.prefixLen()).isEqualTo(24);
        assertThat(net).hasToString("10.1.15.0/24");
        assertThat(Ip4Net.of(Ip4.parse("10.5.72.1"), 16)).hasToString("10.5.0.0/16");
    }

    @Test
    void acceptsLeadingZerosInThePrefixAsGoDoes() {
        assertThat(Ip4Net.parse("10.0.0.0/08")).hasToString("10.0.0.0/8");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.0",
                "10.0.0.0/",
                "10.0.0.0/33",
                "10.0.0.0/-1",
                "10.0.0.0/24/",
                "10.0.0.0/ 24",
                "10.0.0/24",
                "010.0.0.0/8",
                "/24",
                "10.0.0.0/2x"
            })
    void refusesBadCidrsWithGosMessage(String text) {
        assertThatThrownBy(() -> Ip4Net.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid CIDR address: " + text);
    }

    @Test
    void refusesIpv6Cidrs() {
        assertThatThrownBy(() -> Ip4Net.parse("fc00::/48"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fc00::/48");
    }

    @Test
    void knowsItsAddresses() {
        Ip4Net net = Ip4Net.parse("10.5.72.0/24");
        assertThat(net.network()).hasToString("10.5.72.0");
        assertThat(net.netmask()).hasToString("255.255.255.0");
        assertThat(net.broadcast()).hasToString("10.5.72.255");
        assertThat(net.size()).isEqualTo(256);
        assertThat(Ip4Net.parse("0.0.0.0/0").size()).isEqualTo(1L << 32);
        assertThat(Ip4Net.parse("0.0.0.0/0").netmask()).hasToString("0.0.0.0");
        assertThat(Ip4Net.parse("1.2.3.4/32").broadcast()).hasToString("1.2.3.4");
    }

    @Test
    void containsAddressesAndNetworks() {
        Ip4Net net = Ip4Net.parse("10.3.0.0/16");
        assertThat(net.contains(Ip4.parse("10.3.255.255"))).isTrue();
        assertThat(net.contains(Ip4.parse("10.4.0.0"))).isFalse();
        assertThat(net.contains(Ip4Net.parse("10.3.6.0/24"))).isTrue();
        assertThat(net.contains(Ip4Net.parse("10.3.0.0/16"))).isTrue();
        assertThat(net.contains(Ip4Net.parse("10.0.0.0/8"))).isFalse();
        assertThat(net.contains(Ip4Net.parse("10.4.1.0/24"))).isFalse();
    }

    @Test
    void overlapsUnderTheShorterMask() {
        Ip4Net subnet = Ip4Net.parse("10.3.5.0/24");
        assertThat(subnet.overlaps(Ip4Net.parse("10.3.0.0/20"))).isTrue();
        assertThat(Ip4Net.parse("10.3.0.0/20").overlaps(subnet)).isTrue();
        assertThat(subnet.overlaps(Ip4Net.parse("10.3.5.128/25"))).isTrue();
        assertThat(subnet.overlaps(Ip4Net.parse("10.3.6.0/24"))).isFalse();
        assertThat(subnet.overlaps(subnet)).isTrue();
    }

    @Test
    void nextIsTheFollowingNetworkOfTheSameLength() {
        assertThat(Ip4Net.parse("10.3.1.0/24").next()).hasToString("10.3.2.0/24");
        assertThat(Ip4Net.parse("10.3.255.0/24").next()).hasToString("10.4.0.0/24");
        assertThat(Ip4Net.parse("10.0.0.0/8").next()).hasToString("11.0.0.0/8");
        assertThatThrownBy(() -> Ip4Net.parse("255.255.255.0/24").next()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesImpossiblePrefixLengths() {
        assertThatThrownBy(() -> Ip4Net.of(Ip4.ZERO, 33)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ip4Net.of(Ip4.ZERO, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
