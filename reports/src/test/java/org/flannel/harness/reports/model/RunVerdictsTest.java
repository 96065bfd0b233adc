package org.flannel.harness.reports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.flannel.harness.contracts.conformance.Backends;
import org.flannel.harness.contracts.conformance.Level;
import org.flannel.harness.contracts.conformance.Requirement;
import org.flannel.harness.contracts.conformance.Verdict;
import org.flannel.harness.reports.Fixtures;
import org.junit.jupiter.api.Test;

/** The run's scenarios judged per requirement with contracts' model, as conformance.json judges them. */
class RunVerdictsTest {

    private static Scenario scenario(
            String name, List<String> tags, int line, int exampleLine, Status status, List<Step> steps) {
        return new Scenario(
                name,
                name,
                "classpath:features/vxlan/07-configuration.feature",
                name,
                "Source: seed #x",
                tags,
                new Scenario.Written("outline <value>", line, exampleLine),
                status,
                steps,
                List.of());
    }

    private static Step step(Status status, String message) {
        return new Step("Then", "it holds", List.of(), null, status, message, false);
    }

    private static Step hook(Status status, String message) {
        return new Step("", "before skipWhenNotApplicable", List.of(), null, status, message, true);
    }

    @Test
    void thePassedRunIsFiveMustRequirementsThatPass() {
        RunVerdicts verdicts = RunVerdicts.of(Fixtures.run(Fixtures.PASSED).scenarios());

        assertThat(verdicts.requirements())
                .extracting(Requirement::id)
                .containsExactlyInAnyOrder(
                        "R-HOSTGW-WIRE-01", "R-UDP-WIRE-01", "R-VXLAN-PEER-01", "R-VXLAN-WIRE-01", "R-VXLAN-FLOW-01");
        assertThat(verdicts.verdicts().summary()).isEqualTo("MUST 5/5  SHOULD 0/0  MAY 0/0  n/a 0");
        assertThat(verdicts.status()).isEqualTo(Status.PASSED);
    }

    @Test
    void anOutlineWithOneFailingExampleIsOneFailedRequirementOnBothExamples() {
        List<String> tags = List.of("@vxlan", "@R-VXLAN-CONF-01", "@should");
        Scenario passed = scenario("example 1", tags, 13, 38, Status.PASSED, List.of(step(Status.PASSED, null)));
        Scenario failed = scenario("example 2", tags, 13, 39, Status.FAILED, List.of(step(Status.FAILED, "mtu 1450")));

        RunVerdicts verdicts = RunVerdicts.of(List.of(passed, failed));

        Requirement requirement = verdicts.requirements().get(0);
        assertThat(verdicts.requirements()).hasSize(1);
        assertThat(requirement.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(requirement.level()).isEqualTo(Level.SHOULD);
        assertThat(requirement.title()).isEqualTo("outline <value>");
        assertThat(requirement.line()).isEqualTo(13);
        assertThat(requirement.source()).isEqualTo("seed #x");
        assertThat(requirement.pickles()).extracting(p -> p.line()).containsExactly(38, 39);
        assertThat(requirement.pickles().get(1).failure()).isEqualTo("mtu 1450");
        assertThat(requirement.pickles().get(1).failedStep()).isEqualTo("Then it holds");
        assertThat(verdicts.scenariosOf(requirement)).containsExactly(passed, failed);
        assertThat(verdicts.status()).isEqualTo(Status.FAILED);
    }

    @Test
    void aScenarioWhoseBackendIsNotDeclaredIsNotApplicableAndAnyOtherSkipIsSkipped() {
        String reason = Backends.NOT_APPLICABLE + "needs backend udp; declared: vxlan (-Dflannel.backends)";
        Scenario notApplicable = scenario(
                "udp",
                List.of("@udp", "@R-UDP-TUN-01", "@must"),
                10,
                10,
                Status.SKIPPED,
                List.of(hook(Status.SKIPPED, reason), step(Status.SKIPPED, null)));
        Scenario skipped = scenario(
                "assumed",
                List.of("@vxlan", "@R-VXLAN-X-01", "@may"),
                20,
                20,
                Status.SKIPPED,
                List.of(step(Status.SKIPPED, "an assumption did not hold")));
        Scenario notRun =
                scenario("filtered", List.of("@vxlan", "@R-VXLAN-Y-01", "@must"), 30, 30, Status.NOT_RUN, List.of());

        RunVerdicts verdicts = RunVerdicts.of(List.of(notApplicable, skipped, notRun));

        assertThat(verdicts.requirements())
                .extracting(Requirement::id, Requirement::verdict)
                .containsExactly(tuple("R-UDP-TUN-01", Verdict.NOT_APPLICABLE), tuple("R-VXLAN-X-01", Verdict.SKIPPED));
        assertThat(verdicts.requirements().get(0).pickles().get(0).reason()).isEqualTo(reason);
        assertThat(verdicts.verdicts().summary()).isEqualTo("MUST 0/0  SHOULD 0/0  MAY 0/0  n/a 1  skipped 1");
        assertThat(verdicts.status()).isEqualTo(Status.SKIPPED);
    }
}
