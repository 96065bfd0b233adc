package org.flannel.reference.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Expected strings as Go's time.Duration.String() prints them. */
class GoDurationTest {
    @Test
    void hoursMinutesAndFractionalSeconds() {
        assertThat(GoDuration.format(Duration.ofHours(22).plusMinutes(59).plusMillis(58_990)))
                .isEqualTo("22h59m58.99s");
        assertThat(GoDuration.format(Duration.ofHours(1))).isEqualTo("1h0m0s");
        assertThat(GoDuration.format(Duration.ofMinutes(1))).isEqualTo("1m0s");
        assertThat(GoDuration.format(Duration.ofMillis(59_999))).isEqualTo("59.999s");
        assertThat(GoDuration.format(Duration.ofSeconds(3))).isEqualTo("3s");
    }

    @Test
    void belowOneSecond() {
        assertThat(GoDuration.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(GoDuration.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(GoDuration.format(Duration.ofNanos(1_500_000))).isEqualTo("1.5ms");
        assertThat(GoDuration.format(Duration.ofNanos(2_500))).isEqualTo("2.5µs");
        assertThat(GoDuration.format(Duration.ofNanos(7))).isEqualTo("7ns");
        assertThat(GoDuration.format(Duration.ofSeconds(-90))).isEqualTo("-1m30s");
    }
}
