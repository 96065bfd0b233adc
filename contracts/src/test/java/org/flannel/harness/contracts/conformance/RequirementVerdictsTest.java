package org.flannel.harness.contracts.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run's pickles judged per requirement, counted, and summed up in one line. */
class RequirementVerdictsTest {
    private final List<PickleObservation> pickles = new ArrayList<>();

    private void pickle(String tags, Outcome outcome) {
        int line = 10 * (pickles.size() + 1);
        pickles.add(new PickleObservation(
                RequirementTags.parse(List.of(tags.split(" "))),
                line,
                "scenario " + tags,
                "",
                new PickleResult(
                        "scenario " + tags,
                        "classpath:features/vxlan/01-x.feature",
                        line,
                        outcome,
                        0,
                        null,
                        outcome.failing() ? "diff" : null,
                        null,
                        List.of())));
    }

    @Test
    void countsPassedOverJudgedPerLevelAndWhatWasNotJudged() {
        pickle("@vxlan @R-VXLAN-FDB-01 @must", Outcome.PASSED);
        pickle("@vxlan @R-VXLAN-DEV-01 @must", Outcome.FAILED);
        pickle("@vxlan @R-VXLAN-MTU-01 @should", Outcome.PASSED);
        pickle("@udp @R-UDP-TUN-01 @must", Outcome.NOT_APPLICABLE);
        pickle("@vxlan @R-VXLAN-X-01 @may", Outcome.SKIPPED);

        RequirementVerdicts verdicts = RequirementVerdicts.judge(pickles, new ArrayList<>());

        assertThat(verdicts.summary()).isEqualTo("MUST 1/2  SHOULD 1/1  MAY 0/0  n/a 1  skipped 1");
        assertThat(verdicts.totals(Level.MUST)).isEqualTo(new LevelTotals(1, 1, 1, 0, 3));
        assertThat(verdicts.failed()).extracting(Requirement::id).containsExactly("R-VXLAN-DEV-01");
    }

    @Test
    void anOutlineIsOneRequirementAndUntaggedScenariosAreCountedAsSuch() {
        pickle("@vxlan @R-VXLAN-CONF-01 @must", Outcome.PASSED);
        pickle("@vxlan @R-VXLAN-CONF-01 @must", Outcome.FAILED);
        pickle("@vxlan", Outcome.PASSED);
        List<String> warnings = new ArrayList<>();

        RequirementVerdicts verdicts = RequirementVerdicts.judge(pickles, warnings);

        assertThat(verdicts.requirements()).hasSize(2);
        assertThat(verdicts.summary()).isEqualTo("MUST 0/1  SHOULD 0/0  MAY 0/0  UNTAGGED 1/1 (judged as MUST)  n/a 0");
        assertThat(warnings).anySatisfy(w -> assertThat(w).endsWith(Requirements.NO_ID_WARNING));
    }
}
