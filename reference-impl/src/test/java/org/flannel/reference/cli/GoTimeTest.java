package org.flannel.reference.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GoTimeTest {

    @Test
    void printsAsFlannelsLeaseRenewedLineDoesWithoutTheMonotonicReading() {
        // Flannel: "Lease renewed, new expiration: 2026-12-06 18:31:16.249396967 +0000 UTC m=+86459.081118543"
        assertThat(GoTime.format(Instant.parse("2026-12-06T18:31:16.249396967Z"), ZoneOffset.UTC))
                .isEqualTo("2026-12-06 18:31:16.249396967 +0000 UTC");
    }

    @Test
    void dropsTrailingZerosOfTheFractionAndTheWholeFractionWhenZero() {
        assertThat(GoTime.format(Instant.parse("2026-12-06T18:31:16.250Z"), ZoneOffset.UTC))
                .isEqualTo("2026-12-06 18:31:16.25 +0000 UTC");
        assertThat(GoTime.format(Instant.parse("2026-12-06T18:31:16Z"), ZoneOffset.UTC))
                .isEqualTo("2026-12-06 18:31:16 +0000 UTC");
    }

    @Test
    void namesUtcAsGoDoesWhateverJavaCallsIt() {
        Instant instant = Instant.parse("2026-12-06T18:31:16Z");
        assertThat(GoTime.format(instant, ZoneId.of("Etc/UTC"))).isEqualTo("2026-12-06 18:31:16 +0000 UTC");
        assertThat(GoTime.format(instant, ZoneId.of("UTC"))).isEqualTo("2026-12-06 18:31:16 +0000 UTC");
    }

    @Test
    void printsTheLocalOffsetAndZoneAbbreviation() {
        assertThat(GoTime.format(Instant.parse("2026-01-06T18:31:16Z"), ZoneId.of("Europe/Paris")))
                .isEqualTo("2026-01-06 19:31:16 +0100 CET");
    }
}
