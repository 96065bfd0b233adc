package org.flannel.harness.conformance;

import java.util.ArrayList;
import java.util.List;
import org.flannel.harness.contracts.conformance.ConformanceRun;
import org.flannel.harness.contracts.conformance.Outcome;
import org.flannel.harness.contracts.conformance.PickleObservation;
import org.flannel.harness.contracts.conformance.PickleResult;
import org.flannel.harness.contracts.conformance.Requirement;
import org.flannel.harness.contracts.conformance.RequirementTags;
import org.flannel.harness.contracts.conformance.Requirements;

/** Builds small runs for the tests: requirements with one pickle each. */
final class Runs {
    private final List<PickleObservation> pickles = new ArrayList<>();
    private int line = 10;

    Runs add(String tags, Outcome outcome) {
        return add(tags, outcome, outcome.failing() ? "diff for " + tags : null);
    }

    Runs add(String tags, Outcome outcome, String failure) {
        RequirementTags parsed = RequirementTags.parse(List.of(tags.split(" ")));
        String title = "scenario " + tags;
        pickles.add(new PickleObservation(
                parsed,
                line,
                title,
                "seed §1",
                new PickleResult(
                        title,
                        "classpath:features/vxlan/01-x.feature",
                        line,
                        outcome,
                        1234,
                        outcome.failing() ? "Then it holds  (line " + (line + 2) + ")" : null,
                        failure,
                        outcome == Outcome.NOT_APPLICABLE ? "not applicable: needs backend udp" : null,
                        List.of("node1 kernel state.txt"))));
        line += 10;
        return this;
    }

    ConformanceRun run() {
        return run("2030-01-01T00:00:00Z");
    }

    ConformanceRun run(String finished) {
        List<String> warnings = new ArrayList<>();
        List<Requirement> requirements = Requirements.aggregate(pickles, warnings);
        return new ConformanceRun(
                ConformanceRun.FORMAT,
                "/opt/judged/flanneld",
                "netns",
                List.of("vxlan"),
                false,
                null,
                "2029-12-31T23:00:00Z",
                finished,
                null,
                null,
                warnings,
                requirements);
    }
}
