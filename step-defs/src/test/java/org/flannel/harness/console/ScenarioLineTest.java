package org.flannel.harness.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScenarioLineTest {
    @Test
    void theCounterIsAsWideAsTheNumberOfScenariosSoTheLinesAlign() {
        assertThat(ScenarioLine.format(
                        7, 120, Duration.ofSeconds(600), "PASSED", Duration.ofMillis(12_345), "R-A-01", "F", "s"))
                .isEqualTo("[  7/120 10:00] PASSED      12.3 s  R-A-01  F: s");
        assertThat(ScenarioLine.format(
                        120, 120, Duration.ofSeconds(601), "FAILED", Duration.ofMillis(45), "R-A-01", "F", "s"))
                .isEqualTo("[120/120 10:01] FAILED       0.0 s  R-A-01  F: s");
    }

    @Test
    void moreScenariosThanThePlanCountedShowOnlyTheNumberDone() {
        assertThat(ScenarioLine.format(4, 3, Duration.ZERO, "PASSED", Duration.ZERO, "R-A-01", null, "s"))
                .isEqualTo("[4  0:00] PASSED       0.0 s  R-A-01  s");
    }

    @Test
    void theClockShowsMinutesAndSecondsThenHours() {
        assertThat(ScenarioLine.clock(Duration.ofSeconds(59))).isEqualTo("0:59");
        assertThat(ScenarioLine.clock(Duration.ofSeconds(3_599))).isEqualTo("59:59");
        assertThat(ScenarioLine.clock(Duration.ofSeconds(3_600))).isEqualTo("1:00:00");
    }
}
