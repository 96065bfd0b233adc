package org.flannel.harness.reports.model;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flannel.harness.contracts.conformance.Backends;
import org.flannel.harness.contracts.conformance.Outcome;
import org.flannel.harness.contracts.conformance.PickleObservation;
import org.flannel.harness.contracts.conformance.PickleResult;
import org.flannel.harness.contracts.conformance.Requirement;
import org.flannel.harness.contracts.conformance.RequirementTags;
import org.flannel.harness.contracts.conformance.RequirementVerdicts;
import org.flannel.harness.contracts.conformance.SourceLines;
import org.flannel.harness.contracts.conformance.Verdict;

/**
 * Scenarios of the run judged as the conformance report judges them, with contracts' model: an outline's
 * examples (and scenarios sharing an ID) make one requirement, which passes only if all of them do; a
 * scenario skipped because its backend is not declared is n/a. Read from the messages alone, so the site
 * says what conformance.json says without needing it. Durations are not read: nothing here shows them.
 */
public final class RunVerdicts {
    private final RequirementVerdicts verdicts;
    private final Map<PickleResult, Scenario> scenarios;

    private RunVerdicts(RequirementVerdicts verdicts, Map<PickleResult, Scenario> scenarios) {
        this.verdicts = verdicts;
        this.scenarios = scenarios;
    }

    /** The scenarios the run executed, judged; those it did not run are left out. */
    public static RunVerdicts of(List<Scenario> scenarios) {
        Map<PickleResult, Scenario> byPickle = new IdentityHashMap<>();
        List<PickleObservation> pickles = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            if (scenario.status() == Status.NOT_RUN) {
                continue;
            }
            PickleObservation pickle = observe(scenario);
            byPickle.put(pickle.result(), scenario);
            pickles.add(pickle);
        }
        // What is odd about the tags is conformance.json's to warn about; the site shows the verdicts.
        return new RunVerdicts(RequirementVerdicts.judge(pickles, new ArrayList<>()), byPickle);
    }

    static PickleObservation observe(Scenario scenario) {
        Optional<String> notApplicable = scenario.status() == Status.SKIPPED
                ? scenario.steps().stream()
                        .map(Step::message)
                        .filter(Backends::saysNotApplicable)
                        .findFirst()
                : Optional.empty();
        Outcome outcome = Outcome.of(scenario.status().name(), notApplicable.isEmpty());
        Optional<Step> failedStep = scenario.steps().stream()
                .filter(step -> step.status().isProblem())
                .findFirst();
        String reason =
                switch (outcome) {
                    case NOT_APPLICABLE -> notApplicable.orElseThrow();
                    case SKIPPED ->
                        scenario.steps().stream()
                                .filter(step -> step.status() == Status.SKIPPED)
                                .map(Step::message)
                                .filter(message -> message != null && !message.isBlank())
                                .findFirst()
                                .orElse("skipped");
                    default -> null;
                };
        PickleResult result = new PickleResult(
                scenario.name(),
                scenario.featureUri(),
                scenario.written().exampleLine(),
                outcome,
                0,
                outcome.failing() ? failedStep.map(RunVerdicts::describe).orElse(null) : null,
                outcome.failing() ? scenario.failureMessage().orElse(outcome.json()) : null,
                reason,
                scenario.attachments().stream().map(Attachment::name).toList());
        return new PickleObservation(
                RequirementTags.parse(scenario.tags()),
                scenario.written().line(),
                scenario.written().title(),
                SourceLines.joined(scenario.description()),
                result);
    }

    private static String describe(Step step) {
        return step.hook() ? step.text() + " hook" : step.keyword() + " " + step.text();
    }

    public RequirementVerdicts verdicts() {
        return verdicts;
    }

    public List<Requirement> requirements() {
        return verdicts.requirements();
    }

    /** The scenarios a requirement was judged on (an outline's examples), in the run's order. */
    public List<Scenario> scenariosOf(Requirement requirement) {
        return requirement.pickles().stream()
                .map(scenarios::get)
                .filter(s -> s != null)
                .toList();
    }

    /** Failed when a requirement failed, passed when some passed and none failed, else skipped or not run. */
    public Status status() {
        if (verdicts.count(Verdict.FAIL) > 0) {
            return Status.FAILED;
        }
        if (verdicts.count(Verdict.PASS) > 0) {
            return Status.PASSED;
        }
        return verdicts.count(Verdict.SKIPPED) > 0 ? Status.SKIPPED : Status.NOT_RUN;
    }
}
