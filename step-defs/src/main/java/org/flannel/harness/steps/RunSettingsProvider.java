package org.flannel.harness.steps;

import io.cucumber.picocontainer.CucumberPicoProvider;
import org.flannel.harness.run.RunSettings;
import org.picocontainer.injectors.Provider;

/**
 * Gives every step class and hook of a scenario that asks for {@link RunSettings} the same settings, read
 * from the run's properties when the scenario starts (not once per JVM: a JVM may hold several runs, as the
 * conformance report's own tests do, each with its properties).
 */
@CucumberPicoProvider
public final class RunSettingsProvider implements Provider {
    public RunSettings provide() {
        return RunSettings.fromSystemProperties();
    }
}
