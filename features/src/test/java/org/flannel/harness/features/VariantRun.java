package org.flannel.harness.features;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.nio.file.Path;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One self-test run, in a JVM of its own (so that two can run side by side): every feature against the
 * implementation named by {@code -Dflannel.impl}, with {@code -Dflannel.backends} declared and, where a
 * variant narrows it, {@code -Dcucumber.filter.tags}; the conformance report goes to the directory
 * given as the only argument. Only that report is written: the main run's files are never touched.
 */
public final class VariantRun {
    private VariantRun() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: VariantRun <report directory> (with -Dflannel.impl and -Dflannel.backends)");
            System.exit(2);
        }
        Path reportDir = Path.of(args[0]);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("features"))
                .filters(EngineFilter.includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", "org.flannel.harness.steps")
                .configurationParameter(
                        "cucumber.plugin",
                        "org.flannel.harness.console.ConsoleProgress:" + reportDir
                                + ", org.flannel.harness.conformance.ConformanceReport:" + reportDir)
                .build();
        LauncherFactory.create().execute(request);
        System.exit(0);
    }
}
