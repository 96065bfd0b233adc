package org.flannel.reference.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ip6NetTest {

    @Test
    void parseNormalisesToTheNetworkAddress() {
        Ip6Net net = Ip6Net.parse("fd00:12:13::5/56");
        assertThat(net).hasToString("fd00:12:13::/56");
        assertThat(net).isEqualTo(Ip6Net.parse("fd00:12:13::/56"));
        assertThat(net.prefixLen()).isEqualTo(56);
        assertThat(Ip6Net.parse("2001:cafe:42:0::/56")).hasToString("2001:cafe:42::/56");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fc00::", "fc00::/129", "fc00::/", "fc00::/4 8", "fc00::%eth0/48", "fc00:::/48"})
    void refusesBadCidrsWithGosMessage(String text) {
        assertThatThrownBy(() -> Ip6Net.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid CIDR address: " + text);
    }

    @Test
    void refusesIpv4Cidrs() {
        assertThatThrownBy(() -> Ip6Net.parse("10.0.0.0/8")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void containsOverlapsAndSize() {
        Ip6Net net = Ip6Net.parse("fc00::/48");
        assertThat(net.contains(Ip6.parse("fc00:0:0:ffff::1"))).isTrue();
        assertThat(net.contains(Ip6.parse("fc00:0:1::"))).isFalse();
        assertThat(net.contains(Ip6Net.parse("fc00:0:0:1::/64"))).isTrue();
        assertThat(net.contains(Ip6Net.parse("fc00::/47"))).isFalse();
        assertThat(net.overlaps(Ip6Net.parse("fc00:0:0:5::/64"))).isTrue();
        assertThat(Ip6Net.parse("fc00:0:0:5::/64").overlaps(Ip6Net.parse("fc00:0:0:6::/64")))
                .isFalse();
        assertThat(net.size()).isEqualTo(BigInteger.ONE.shiftLeft(80));
        assertThat(net.network()).hasToString("fc00::");
    }

    @Test
    void nextIsTheFollowingNetworkOfTheSameLength() {
        assertThat(Ip6Net.parse("fc00::/48").next()).hasToString("fc00:0:1::/48");
        assertThat(Ip6Net.parse("fc00:0:0:1::/64").next()).hasToString("fc00:0:0:2::/64");
        assertThatThrownBy(() -> Ip6Net.parse("ffff:ffff:ffff:ffff::/64").next())
                .isInstanceOf(IllegalStateException.class);
    }
}
