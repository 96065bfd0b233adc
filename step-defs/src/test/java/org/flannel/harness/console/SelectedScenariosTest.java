package org.flannel.harness.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.tagexpressions.TagExpressionParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;

class SelectedScenariosTest {
    @Test
    void aScenarioIsATestOfTheCucumberEngineAlsoInsideASuite() {
        UniqueId inSuite = UniqueId.parse(
                "[engine:junit-platform-suite]/[suite:org.flannel.harness.features"
                        + ".ConformanceFeatures]/[engine:cucumber]/[feature:classpath%3Afeatures%2Fvxlan%2F01.feature]/[scenario:12]");
        UniqueId alone = UniqueId.parse("[engine:cucumber]/[feature:classpath%3Afeatures%2Fvxlan%2F01.feature]"
                + "/[outline:20]/[examples:24]/[example:26]");

        assertThat(SelectedScenarios.isScenario(inSuite, true)).isTrue();
        assertThat(SelectedScenarios.isScenario(alone, true)).isTrue();
        assertThat(SelectedScenarios.isScenario(alone.removeLastSegment(), false))
                .as("the examples, a container")
                .isFalse();
        assertThat(SelectedScenarios.isScenario(
                        UniqueId.parse("[engine:junit-jupiter]/[class:x.HarnessSelfTest]"
                                + "/[test-template:theFeaturesJudgeTheImplementation]/[test-template-invocation:#1]"),
                        true))
                .isFalse();
    }

    @Test
    void theTagFilterSelectsAsCucumberDoes() {
        List<String> udp = List.of("@udp", "@R-UDP-NODE-01", "@must");

        assertThat(SelectedScenarios.selected(udp, null)).as("no filter").isTrue();
        assertThat(SelectedScenarios.selected(udp, TagExpressionParser.parse("@udp and @must")))
                .isTrue();
        assertThat(SelectedScenarios.selected(udp, TagExpressionParser.parse("@vxlan or @R-UDP-JOIN-01")))
                .isFalse();
    }
}
