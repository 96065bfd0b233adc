package org.flannel.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Ipv4CidrTest {
    @Test
    void parsesAndFormats() {
        Ipv4Cidr cidr = Ipv4Cidr.parse("10.1.15.1/24");

        assertThat(cidr.addressText()).isEqualTo("10.1.15.1");
        assertThat(cidr.network()).hasToString("10.1.15.0/24");
        assertThat(Ipv4.format(cidr.broadcast())).isEqualTo("10.1.15.255");
        assertThat(cidr.hasHostBits()).isTrue();
    }

    @Test
    void containment() {
        Ipv4Cidr cidr = Ipv4Cidr.parse("10.168.0.0/24");

        assertThat(cidr.contains("10.168.0.200")).isTrue();
        assertThat(cidr.contains("10.168.1.1")).isFalse();
        assertThat(cidr.isUsableHost(Ipv4.parse("10.168.0.0"))).isFalse();
        assertThat(cidr.isUsableHost(Ipv4.parse("10.168.0.255"))).isFalse();
        assertThat(Ipv4Cidr.parse("0.0.0.0/0").contains("255.255.255.255")).isTrue();
    }

    @Test
    void highAddressesSurviveTheSignBit() {
        assertThat(Ipv4.format(Ipv4.parse("255.254.128.1"))).isEqualTo("255.254.128.1");
        assertThat(Ipv4Cidr.parse("192.168.0.0/16").contains("192.168.255.254")).isTrue();
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> Ipv4.parse("1.2.3")).hasMessageContaining("not an IPv4 address");
        assertThatThrownBy(() -> Ipv4.parse("1.2.3.-4")).hasMessageContaining("not an IPv4 address");
        assertThatThrownBy(() -> Ipv4Cidr.parse("1.2.3.4/33")).hasMessageContaining("0..32");
    }
}
