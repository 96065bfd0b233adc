package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeStepsTest {
    private static final String FEATURE = """
            Feature: f
              Background:
                Given a topology
                And etcd runs

              Scenario: plain
                When packets are captured on node1:eth0
                And a pings b once
                Then the ping succeeds
                And on node1:eth0 a frame matches
                When b pings a once
                Then the ping succeeds

              Rule: r
                Scenario Outline: outline <n>
                  Given x
                  Then y <n>
                  But z

                  Examples:
                    | n |
                    | 1 |
                    | 2 |
            """;

    private final Map<Integer, List<Boolean>> byLine =
            OutcomeSteps.parse("test.feature", FEATURE.getBytes(StandardCharsets.UTF_8));

    @Test
    void backgroundStepsComeFirstAndAndAfterThenIsAnOutcome() {
        assertThat(byLine.get(6)).containsExactly(false, false, false, false, true, true, false, true);
    }

    @Test
    void eachExampleRowIsAPickleAtItsOwnLine() {
        assertThat(byLine.get(22)).containsExactly(false, false, false, true, true);
        assertThat(byLine.get(23)).containsExactly(false, false, false, true, true);
        assertThat(byLine).doesNotContainKey(15);
    }
}
