package org.flannel.harness.steps;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.util.Set;
import org.flannel.harness.contracts.conformance.Backends;
import org.flannel.harness.run.RunSettings;
import org.opentest4j.TestAbortedException;

/**
 * Before anything else in a scenario: if it is tagged with a backend the implementation under test does
 * not declare (-Dflannel.backends), abort it, so that Cucumber reports it skipped (the conformance report:
 * "n/a") and none of its steps runs. An invalid -Dflannel.backends fails every scenario with the reason.
 */
public final class ApplicabilityHook {
    private final RunSettings settings;

    public ApplicabilityHook(RunSettings settings) {
        this.settings = settings;
    }

    @Before(order = Integer.MIN_VALUE)
    public void skipWhenNotApplicable(Scenario scenario) {
        Set<String> declared;
        try {
            declared = settings.declaredBackends();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Backends.notApplicable(scenario.getSourceTagNames(), declared).ifPresent(reason -> {
            throw new TestAbortedException(reason);
        });
    }
}
