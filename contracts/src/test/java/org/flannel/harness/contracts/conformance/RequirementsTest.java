package org.flannel.harness.contracts.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pickles → requirement verdicts. */
class RequirementsTest {

    private static PickleObservation pickle(String tags, int scenarioLine, int line, Outcome outcome) {
        return new PickleObservation(
                RequirementTags.parse(List.of(tags.split(" "))),
                scenarioLine,
                "outline <value>",
                "seed §4",
                new PickleResult(
                        "example " + line,
                        "classpath:features/vxlan/07-configuration.feature",
                        line,
                        outcome,
                        10,
                        null,
                        outcome.failing() ? "diff " + line : null,
                        null,
                        List.of()));
    }

    @Test
    void anOutlineWithOneFailingExampleFails() {
        List<String> warnings = new ArrayList<>();
        List<Requirement> requirements = Requirements.aggregate(
                List.of(
                        pickle("@vxlan @R-VXLAN-CONF-01 @must", 13, 38, Outcome.PASSED),
                        pickle("@vxlan @R-VXLAN-CONF-01 @must", 13, 39, Outcome.FAILED),
                        pickle("@vxlan @R-VXLAN-CONF-01 @must", 13, 40, Outcome.PASSED)),
                warnings);
        assertThat(requirements).singleElement().satisfies(requirement -> {
            assertThat(requirement.id()).isEqualTo("R-VXLAN-CONF-01");
            assertThat(requirement.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(requirement.pickles()).extracting(PickleResult::line).containsExactly(38, 39, 40);
            assertThat(requirement.line()).isEqualTo(13);
            assertThat(requirement.title()).isEqualTo("outline <value>");
        });
        assertThat(warnings).isEmpty();
    }

    @Test
    void aRequirementPassesOnlyIfAllItsPicklesPass() {
        assertThat(verdict(Outcome.PASSED, Outcome.PASSED)).isEqualTo(Verdict.PASS);
        assertThat(verdict(Outcome.PASSED, Outcome.UNDEFINED)).isEqualTo(Verdict.FAIL);
        assertThat(verdict(Outcome.PASSED, Outcome.PENDING)).isEqualTo(Verdict.FAIL);
        assertThat(verdict(Outcome.NOT_APPLICABLE, Outcome.NOT_APPLICABLE)).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(verdict(Outcome.NOT_APPLICABLE, Outcome.PASSED))
                .as("examples that do not apply")
                .isEqualTo(Verdict.PASS);
        assertThat(verdict(Outcome.SKIPPED, Outcome.PASSED)).isEqualTo(Verdict.SKIPPED);
        assertThat(verdict(Outcome.SKIPPED, Outcome.FAILED)).isEqualTo(Verdict.FAIL);
    }

    private static Verdict verdict(Outcome... outcomes) {
        List<PickleObservation> pickles = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            pickles.add(pickle("@R-A-01 @must", 5, 20 + i, outcomes[i]));
        }
        return Requirements.aggregate(pickles, new ArrayList<>()).get(0).verdict();
    }

    @Test
    void untaggedScenariosAreEachTheirOwnRequirementWithNoId() {
        List<String> warnings = new ArrayList<>();
        List<Requirement> requirements = Requirements.aggregate(
                List.of(
                        pickle("@vxlan", 20, 20, Outcome.PASSED),
                        pickle("@vxlan", 30, 30, Outcome.FAILED),
                        pickle("@vxlan", 30, 31, Outcome.PASSED)),
                warnings);
        assertThat(requirements).hasSize(2).allSatisfy(requirement -> {
            assertThat(requirement.id()).isEqualTo("(none)");
            assertThat(requirement.level()).isEqualTo(Level.UNTAGGED);
        });
        assertThat(requirements)
                .extracting(Requirement::key)
                .containsExactly(
                        "(none) vxlan/07-configuration.feature:20", "(none) vxlan/07-configuration.feature:30");
        assertThat(requirements).extracting(Requirement::verdict).containsExactly(Verdict.PASS, Verdict.FAIL);
        assertThat(warnings)
                .hasSize(2)
                .allMatch(w -> w.contains("has no requirement ID tag") && w.contains("judged as MUST"));
    }

    @Test
    void oneIdOnTwoScenariosIsOneRequirementAndAWarning() {
        List<String> warnings = new ArrayList<>();
        List<Requirement> requirements = Requirements.aggregate(
                List.of(
                        pickle("@R-A-01 @must", 20, 20, Outcome.PASSED),
                        pickle("@R-A-01 @should", 30, 30, Outcome.PASSED)),
                warnings);
        assertThat(requirements).singleElement().extracting(Requirement::level).isEqualTo(Level.MUST);
        assertThat(warnings)
                .anyMatch(w -> w.contains("R-A-01 is tagged on more than one scenario"))
                .anyMatch(w -> w.contains("different levels"));
    }

    @Test
    void anIdWithoutALevelIsUntaggedAndWarned() {
        List<String> warnings = new ArrayList<>();
        List<Requirement> requirements =
                Requirements.aggregate(List.of(pickle("@R-A-01 @udp", 20, 20, Outcome.PASSED)), warnings);
        assertThat(requirements).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("R-A-01");
            assertThat(r.level()).isEqualTo(Level.UNTAGGED);
            assertThat(r.backends()).containsExactly("udp");
        });
        assertThat(warnings).singleElement().asString().contains("has no level tag");
    }
}
