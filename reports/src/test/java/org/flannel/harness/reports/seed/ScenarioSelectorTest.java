package org.flannel.harness.reports.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.flannel.harness.reports.Fixtures;
import org.flannel.harness.reports.model.Feature;
import org.flannel.harness.reports.model.Run;
import org.flannel.harness.reports.model.Scenario;
import org.flannel.harness.reports.model.Status;
import org.junit.jupiter.api.Test;

class ScenarioSelectorTest {
    private final Run run = Fixtures.run(Fixtures.PASSED);
    private final ScenarioSelector selector = new ScenarioSelector(run);

    @Test
    void byFeatureTagOrName() {
        assertThat(selector.select("feature:vxlan/02-frame-format.feature"))
                .extracting(Scenario::name)
                .containsExactly(Fixtures.FRAME_FORMAT);
        assertThat(selector.select("@udp")).extracting(Scenario::name).containsExactly(Fixtures.UDP_FRAME);
        assertThat(selector.select(Fixtures.NODE_STATE)).hasSize(1);
        assertThat(selector.select("@R-VXLAN-FRAME-01")).isEmpty();
    }

    @Test
    void theSeedsStatementsFindTheirScenariosAndReportTheOthers() {
        Seed seed = Seed.load(Optional.empty());
        List<Scenario> flow3 = selector.select(seed.statement("vxlan-flow-3").orElseThrow());

        assertThat(flow3).extracting(Scenario::name).containsExactly(Fixtures.SEVEN_STEPS, Fixtures.NODE_STATE);
        assertThat(selector.unmatched()).isEmpty();
        selector.select(seed.statement("host-gw-l2").orElseThrow());
        assertThat(selector.unmatched()).contains("feature:host-gw/02-l2-requirement.feature");
    }

    @Test
    void aSourceLineNamingTheStatementLinksIt() {
        Scenario tagged = new Scenario(
                "x",
                "x",
                "classpath:features/interop/01.feature",
                "mixed",
                "Source: seed #vxlan-flow-6",
                List.of("@R-INTEROP-FLOW-01", "@must"),
                Scenario.Written.at("mixed", 1),
                Status.PASSED,
                List.of(),
                List.of());
        Run withIt = new Run(
                "",
                "",
                "",
                null,
                null,
                List.of(new Feature("classpath:features/interop/01.feature", "f", "", List.of(), List.of(tagged))));
        Seed seed = Seed.load(Optional.empty());

        assertThat(new ScenarioSelector(withIt)
                        .select(seed.statement("vxlan-flow-6").orElseThrow()))
                .containsExactly(tagged);
        assertThat(new ScenarioSelector(withIt)
                        .select(seed.statement("vxlan-flow-5").orElseThrow()))
                .isEmpty();
        assertThat(new ScenarioSelector(withIt).select("@R-INTEROP-FLOW-01")).containsExactly(tagged);
    }
}
