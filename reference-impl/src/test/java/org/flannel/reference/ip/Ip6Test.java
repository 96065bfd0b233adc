package org.flannel.reference.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ip6Test {

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({
        "::, ::",
        "::1, ::1",
        "fd00:12:13::, fd00:12:13::",
        "fc00:0:0:1:0:0:0:0, fc00:0:0:1::",
        "fc00:0000:0000:ffff::, fc00:0:0:ffff::",
        "2001:DB8::1, 2001:db8::1",
        "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "1:0:0:2:0:0:3:4, 1::2:0:0:3:4",
        "2001:cafe:42::1, 2001:cafe:42::1",
        "64:ff9b::1.2.3.4, 64:ff9b::102:304",
        "::ff:ffff, ::ff:ffff",
    })
    void printsGoCanonicalText(String input, String expected) {
        assertThat(Ip6.parse(input)).hasToString(expected);
    }

    @Test
    void keepsFlannelsDottedQuirks() {
        // Go prints IPv4-mapped addresses dotted, and Flannel's big.Int path does the same for [2^24, 2^32).
        assertThat(Ip6.parse("::ffff:10.0.0.1")).hasToString("10.0.0.1");
        assertThat(Ip6.parse("::ffff:a00:1")).hasToString("10.0.0.1");
        assertThat(Ip6.parse("::102:304")).hasToString("1.2.3.4");
        assertThat(Ip6.parse("::ff:ffff")).hasToString("::ff:ffff");
    }

    @Test
    void takesIpv4TextAsTheMappedAddressLikeGoParseIp() {
        assertThat(Ip6.parse("10.0.0.1")).isEqualTo(Ip6.parse("::ffff:10.0.0.1"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                ":",
                ":::",
                "1:2:3:4:5:6:7:8:9",
                "12345::",
                "1::2::3",
                ":1::",
                "1:",
                "1:2",
                "fe80::1%eth0",
                "::1.2.3",
                "1:2:3:4:5:6:7:1.2.3.4",
                "g::1",
                "::ffff:01.2.3.4",
                "1:2:3:4:5:6:7:8::"
            })
    void refusesWhatGoRefuses(String text) {
        assertThatThrownBy(() -> Ip6.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convertsToAndFromBytes() {
        Ip6 ip = Ip6.parse("fd00:12:13::5");
        byte[] bytes = ip.toBytes();
        assertThat(bytes).hasSize(16);
        assertThat(bytes[0]).isEqualTo((byte) 0xfd);
        assertThat(bytes[15]).isEqualTo((byte) 5);
        assertThat(Ip6.fromBytes(bytes)).isEqualTo(ip);
        assertThat(ip.toInetAddress().getAddress()).isEqualTo(bytes);
        assertThat(Ip6.fromInetAddress(ip.toInetAddress())).isEqualTo(ip);
        assertThat(Ip6.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").toBytes())
                .containsOnly((byte) 0xff);
    }

    @Test
    void ordersAndAdds() {
        assertThat(Ip6.parse("fc00::1")).isGreaterThan(Ip6.parse("::1"));
        assertThat(Ip6.parse("2001:cafe:42::").plus(1)).hasToString("2001:cafe:42::1");
        assertThat(Ip6.parse("fc00::").plus(BigInteger.ONE.shiftLeft(64))).hasToString("fc00:0:0:1::");
        assertThatThrownBy(() ->
                        Ip6.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").plus(1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsUniqueLocalAddresses() {
        assertThat(Ip6.parse("fd00::1").isPrivate()).isTrue();
        assertThat(Ip6.parse("fc00::1").isPrivate()).isTrue();
        assertThat(Ip6.parse("2001:db8::1").isPrivate()).isFalse();
    }
}
