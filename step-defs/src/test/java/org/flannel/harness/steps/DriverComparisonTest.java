package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverComparisonTest {
    @TempDir
    Path dir;

    @Test
    void timingsSurviveTheFileBetweenRuns() throws Exception {
        ScenarioTiming ping = new ScenarioTiming(
                "02-frame-format.feature:30",
                "the echo request",
                "PASSED",
                Duration.ofMillis(4200),
                Duration.ofMillis(2100));
        ScenarioTiming leave = new ScenarioTiming(
                "08-node-leaves.feature:12", "node2 leaves", "FAILED", Duration.ofMillis(9000), null);
        Path file = dir.resolve("timings-netns.tsv");

        ScenarioTiming.write(file, List.of(ping, leave));

        assertThat(ScenarioTiming.read(file))
                .containsExactly(Map.entry(ping.key(), ping), Map.entry(leave.key(), leave));
    }

    @Test
    void onlyScenariosThatRanOnBothAreCompared() {
        Map<String, ScenarioTiming> netns = Map.of("a:1", timing("a:1", 2000), "b:1", timing("b:1", 1000));
        Map<String, ScenarioTiming> docker = Map.of("a:1", timing("a:1", 5000), "c:1", timing("c:1", 7000));

        String table = DriverComparison.table(netns, docker);

        assertThat(table)
                .contains("2.0s     5.0s  2.50x  a:1 name")
                .doesNotContain("b:1 name")
                .doesNotContain("c:1 name")
                .contains("total of 1 scenarios; median ratio 2.50x, worst 2.50x");
    }

    private static ScenarioTiming timing(String key, long millis) {
        return new ScenarioTiming(key, key + " name", "PASSED", Duration.ofMillis(millis), null);
    }
}
