package org.flannel.harness.steps;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestStepStarted;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.flannel.harness.run.RunSettings;
import org.flannel.harness.topology.TopologySettings;

/**
 * A Cucumber plugin for the end of a run: where the reports are, and the scenarios' wall times kept beside
 * them (and set against the other topology driver's, when that one ran the same scenarios). The console
 * plugin (org.flannel.harness.console.ConsoleProgress) prints each scenario's line as it ends.
 */
public final class RunSummary implements ConcurrentEventListener {
    private final PrintStream out = System.out;
    private final RunSettings settings = RunSettings.fromSystemProperties();
    private final List<ScenarioTiming> timings = new ArrayList<>();
    private final Map<UUID, Instant> started = new ConcurrentHashMap<>();
    private final Map<UUID, Duration> setUp = new ConcurrentHashMap<>();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(
                TestCaseStarted.class, event -> started.put(event.getTestCase().getId(), event.getInstant()));
        publisher.registerHandlerFor(TestStepStarted.class, this::stepStarted);
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(TestRunFinished.class, this::runFinished);
    }

    private static String fileName(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** Set-up ends where the first action begins: the topology, agents and containers are ready by then. */
    private void stepStarted(TestStepStarted event) {
        if (event.getTestStep() instanceof PickleStepTestStep step
                && step.getStep().getKeyword().strip().equals("When")) {
            Instant begun = started.get(event.getTestCase().getId());
            if (begun != null) {
                setUp.putIfAbsent(event.getTestCase().getId(), Duration.between(begun, event.getInstant()));
            }
        }
    }

    private synchronized void finished(TestCaseFinished event) {
        Duration ready = setUp.get(event.getTestCase().getId());
        timings.add(new ScenarioTiming(
                fileName(event.getTestCase().getUri().toString()) + ":"
                        + event.getTestCase().getLocation().getLine(),
                event.getTestCase().getName(),
                event.getResult().getStatus().name(),
                event.getResult().getDuration(),
                ready));
    }

    private synchronized void runFinished(TestRunFinished event) {
        settings.reportsDir().ifPresent(dir -> {
            out.println(
                    "Reports: " + dir.resolve("cucumber.html") + " (open in a browser; pcaps attached per scenario)");
            out.println("         " + dir.resolve("messages.ndjson") + ", " + dir.resolve("junit.xml")
                    + (Files.exists(dir.resolve("test-output.log")) ? ", " + dir.resolve("test-output.log") : ""));
            out.println("Living documentation (made next, by the reports module): "
                    + dir.resolveSibling("site").resolve("index.html"));
        });
        out.println("Implementation under test: " + settings.implementationLabel());
        settings.reportsDir().ifPresent(this::compareDrivers);
    }

    /**
     * Keeps this run's timings beside the reports (timings-&lt;driver&gt;-&lt;implementation&gt;.tsv, one directory up, so a run on
     * another driver with its own reports directory finds them) and prints them side by side with the
     * other driver's, when that one ran the same scenarios.
     */
    private void compareDrivers(Path reportsDir) {
        String driver = settings.driver();
        Path dir = reportsDir.getParent() == null ? reportsDir : reportsDir.getParent();
        try {
            // Keyed by implementation too: only the same implementation's runs are compared across drivers.
            String impl = settings.implementationLabel();
            String key = Path.of(impl).getFileName() + "-" + Integer.toHexString(impl.hashCode());
            ScenarioTiming.write(dir.resolve("timings-" + driver + "-" + key + ".tsv"), timings);
            for (String other : TopologySettings.DRIVERS) {
                Path file = dir.resolve("timings-" + other + "-" + key + ".tsv");
                if (!other.equals(driver) && Files.exists(file)) {
                    Map<String, ScenarioTiming> theirs = ScenarioTiming.read(file);
                    boolean netnsFirst = other.equals("netns");
                    out.println();
                    out.println(DriverComparison.table(
                            netnsFirst ? theirs : ScenarioTiming.byKey(timings),
                            netnsFirst ? ScenarioTiming.byKey(timings) : theirs));
                }
            }
        } catch (IOException e) {
            out.println("(timings not kept: " + e.getMessage() + ")");
        }
    }
}
