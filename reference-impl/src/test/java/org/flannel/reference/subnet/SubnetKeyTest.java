package org.flannel.reference.subnet;

import static org.assertj.core.api.Assertions.assertThat;

import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.ip.Ip6Net;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubnetKeyTest {

    @Test
    void ipv4KeyRoundTrips() {
        // subnet_test.go TestSubnetNodev4
        SubnetKey key = SubnetKey.parse("10.12.13.0-24").orElseThrow();
        assertThat(key.subnet()).isEqualTo(Ip4Net.parse("10.12.13.0/24"));
        assertThat(key.ipv6Subnet()).isNull();
        assertThat(key.format()).isEqualTo("10.12.13.0-24");
    }

    @Test
    void dualStackKeyRoundTrips() {
        // subnet_test.go TestSubnetNodev6
        SubnetKey key = SubnetKey.parse("10.12.13.0-24&fd00:12:13::-56").orElseThrow();
        assertThat(key.subnet()).hasToString("10.12.13.0/24");
        assertThat(key.ipv6Subnet()).isEqualTo(Ip6Net.parse("fd00:12:13::/56"));
        assertThat(key.format()).isEqualTo("10.12.13.0-24&fd00:12:13::-56");
    }

    @Test
    void fullEtcdPathsMatchBecauseTheRegexIsUnanchoredAtTheStart() {
        assertThat(SubnetKey.parse("/coreos.com/network/subnets/10.5.52.0-24")
                        .orElseThrow()
                        .format())
                .isEqualTo("10.5.52.0-24");
        assertThat(SubnetKey.parse("/coreos.com/network/subnets/10.12.13.0-24&fd00:12:13::-56")
                        .orElseThrow()
                        .ipv6Subnet())
                .hasToString("fd00:12:13::/56");
        assertThat(SubnetKey.parse("/my/prefix-2/subnets/172.16.4.0-22")
                        .orElseThrow()
                        .subnet())
                .hasToString("172.16.4.0/22");
    }

    @Test
    void onlyTheLeftmostMatchCountsAsWithGosFindStringSubmatch() {
        // "1.10.0.0" cannot be followed by '-', so the leftmost match starts at "10.0.0.0-16".
        assertThat(SubnetKey.parse("1.10.0.0.0-16").orElseThrow().subnet()).hasToString("10.0.0.0/16");
        // The leftmost match "999.1.1.1" is not an address; Go does not retry from "99.1.1.1".
        assertThat(SubnetKey.parse("999.1.1.1-24")).isEmpty();
    }

    @Test
    void formatsTheKeyOfAnyPair() {
        assertThat(new SubnetKey(Ip4Net.parse("10.1.15.0/24"), null).format()).isEqualTo("10.1.15.0-24");
        assertThat(new SubnetKey(Ip4Net.parse("10.12.13.0/24"), Ip6Net.parse("fd00:12:13::/56")).format())
                .isEqualTo("10.12.13.0-24&fd00:12:13::-56");
        assertThat(new SubnetKey(Ip4Net.parse("10.1.15.0/24"), null)).hasToString("10.1.15.0-24");
    }

    @Test
    void leadingZerosInThePrefixAreReadAsGosParseUintReadsThem() {
        assertThat(SubnetKey.parse("10.12.13.0-024").orElseThrow().subnet()).hasToString("10.12.13.0/24");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // subnet_test.go TestSubnetNodeInvalid
                "10",
                "10.12.13.0",
                "10.12.13-24",
                "10.12.13.300-24",
                "10.12.13.0-24hi",
                "&2001::-56",
                "10.12.13.0-24&:12:13:-56",
                "10.12.13.0-24&20011::-56",
                "10.12.13.0-24&2001-56",
                "10.12.13.0-24&2001::",
                "10.12.13.0-24&2001::-56hi",
                // ParseUint with 5 bits: at most /31; with 7 bits: at most /127
                "10.12.0.0-32",
                "10.12.13.0-24&fd00::-128",
                // Go's $ does not match before a final newline
                "10.12.13.0-24\n",
                // net.ParseIP refuses leading zeros; unescaped dots in the regex let other separators through to it
                "10.012.13.0-24",
                "10.12x13y0-24",
                // upper-case hex is outside the regex's [a-f\d:]
                "10.12.13.0-24&FD00::-56",
                // our deviation: not a network address
                "10.12.13.7-24",
                "10.12.13.0-24&fd00:12:13::1-56",
                "",
                "subnets",
                "/coreos.com/network/config"
            })
    void invalidKeysParseToNothing(String key) {
        assertThat(SubnetKey.parse(key)).isEmpty();
    }

    @Test
    @Timeout(5)
    void absurdlyLongTextIsNotAKey() {
        assertThat(SubnetKey.parse("1".repeat(200_000) + ".1.1.1-24")).isEmpty();
        assertThat(SubnetKey.parse("/p/" + "x".repeat(3000) + "/subnets/10.5.52.0-24"))
                .isPresent();
    }

    @Test
    void nullParsesToNothing() {
        assertThat(SubnetKey.parse(null)).isEmpty();
    }

    @Test
    void aLeaseKnowsItsKey() {
        Lease lease = new Lease(Ip4Net.parse("10.5.52.0/24"), null, LeaseAttrs.of(Ip4.parse("1.2.3.4")), null);
        assertThat(lease.key().format()).isEqualTo("10.5.52.0-24");
        Lease dual = new Lease(
                Ip4Net.parse("10.5.52.0/24"),
                Ip6Net.parse("fd00:10:244:1::/64"),
                LeaseAttrs.of(Ip4.parse("1.2.3.4")),
                null);
        assertThat(dual.key().format()).isEqualTo("10.5.52.0-24&fd00:10:244:1::-64");
    }
}
