package org.flannel.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RouteEventTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void anAddedRouteWithItsMicrosecondTime() {
        assertThat(RouteEvent.parse(
                        "[2026-12-05T21:51:45.382709] 10.1.16.0/24 via 10.1.16.0 dev flannel.1 onlink ", UTC))
                .contains(new RouteEvent(Instant.parse("2026-12-05T21:51:45.382709Z"), "10.1.16.0/24", true));
    }

    @Test
    void aDeletedRoute() {
        assertThat(RouteEvent.parse("[2026-12-05T21:51:45.384330] Deleted 10.1.16.0/24 via 10.168.1.2 dev eth0", UTC))
                .contains(new RouteEvent(Instant.parse("2026-12-05T21:51:45.384330Z"), "10.1.16.0/24", false));
    }

    @Test
    void ipPrintsLocalTimeSoTheZoneIsApplied() {
        assertThat(RouteEvent.parse("[2026-12-05T22:00:00.000001] 10.1.3.0/24 dev eth0", ZoneOffset.ofHours(1))
                        .orElseThrow()
                        .at())
                .isEqualTo(Instant.parse("2026-12-05T21:00:00.000001Z"));
    }

    @Test
    void aHostRouteWithoutLengthIsASlash32() {
        assertThat(RouteEvent.parse("[2026-12-05T21:51:45.1] 10.1.3.7 dev eth0", UTC)
                        .orElseThrow()
                        .destination())
                .isEqualTo("10.1.3.7/32");
    }

    @Test
    void ipv6LocalTablesAndOtherLinesAreNoEvents() {
        assertThat(RouteEvent.parse("[2026-12-05T21:51:45.378825] fe80::/64 dev d1 proto kernel metric 256", UTC))
                .isEmpty();
        assertThat(RouteEvent.parse("[2026-12-05T21:51:45.378597] multicast ff00::/8 dev d1 table local", UTC))
                .isEmpty();
        assertThat(RouteEvent.parse("[2026-12-05T21:51:45.3] local 10.1.5.0 dev flannel.1 table local", UTC))
                .isEmpty();
        assertThat(RouteEvent.parse("Dump terminated", UTC)).isEmpty();
    }
}
