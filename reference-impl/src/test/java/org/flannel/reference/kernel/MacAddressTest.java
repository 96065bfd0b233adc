package org.flannel.reference.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

    private static final int DRAWS = 10_000;

    private static int firstOctet(MacAddress mac) {
        return Integer.parseInt(mac.toString().substring(0, 2), 16);
    }

    @Test
    void randomAddressesAreAlwaysLocallyAdministeredAndUnicast() {
        for (int i = 0; i < DRAWS; i++) {
            MacAddress mac = MacAddress.randomLocallyAdministered();
            int first = firstOctet(mac);
            assertThat(first & 0x02).as("locally administered bit of %s", mac).isEqualTo(0x02);
            assertThat(first & 0x01).as("multicast bit of %s", mac).isZero();
        }
    }

    @Test
    void randomAddressesKeepTheOtherBitsOfTheFirstOctetRandom() {
        // (b & 0xfe) | 0x02 forces two bits only: the six others must still vary.
        Set<Integer> firstOctets = new HashSet<>();
        for (int i = 0; i < DRAWS; i++) {
            firstOctets.add(firstOctet(MacAddress.randomLocallyAdministered()));
        }
        assertThat(firstOctets).hasSize(64);
    }

    @Test
    void randomAddressesDiffer() {
        Set<MacAddress> macs = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            macs.add(MacAddress.randomLocallyAdministered());
        }
        assertThat(macs).hasSize(1000);
    }

    @Test
    void randomAddressesPrintAsSixLowerCaseColonSeparatedOctets() {
        for (int i = 0; i < 100; i++) {
            assertThat(MacAddress.randomLocallyAdministered().toString()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
        }
    }

    @Test
    void parsedAddressesPrintInLowerCaseAsFlannelDoes() {
        assertThat(MacAddress.parse("5E:F8:4F:00:E3:37").toString()).isEqualTo("5e:f8:4f:00:e3:37");
        assertThat(MacAddress.parse("5E:F8:4F:00:E3:37")).isEqualTo(MacAddress.parse("5e:f8:4f:00:e3:37"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "5e:f8:4f:00:e3",
                "5e:f8:4f:00:e3:37:01",
                "5e-f8-4f-00-e3-37",
                "5ef8.4f00.e337",
                "5e:f8:4f:00:e3:3g",
                "5e:f8:4f:0:e3:37",
                " 5e:f8:4f:00:e3:37"
            })
    void malformedAddressesAreRefused(String text) {
        assertThatThrownBy(() -> MacAddress.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a MAC address: " + text.toLowerCase());
    }
}
