package org.flannel.harness.conformance;

import io.cucumber.messages.types.Envelope;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestStepFinished;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.flannel.harness.contracts.conformance.Backends;
import org.flannel.harness.contracts.conformance.ConformanceRun;
import org.flannel.harness.contracts.conformance.JsonReport;
import org.flannel.harness.contracts.conformance.Outcome;
import org.flannel.harness.contracts.conformance.PickleObservation;
import org.flannel.harness.contracts.conformance.PickleResult;
import org.flannel.harness.contracts.conformance.Requirement;
import org.flannel.harness.contracts.conformance.RequirementTags;
import org.flannel.harness.contracts.conformance.Requirements;
import org.flannel.harness.run.RunSettings;

/**
 * A Cucumber plugin: the conformance report. It collects, per pickle, the requirement ID, level and
 * backends from its tags, where it is written, its {@code Source:} line, its outcome (n/a when its
 * backends are not all declared), duration, failing step and whole failure message, and the names of its
 * attachments; at the end of the run it writes conformance.json and conformance.html and prints the
 * summary line and one line per failing requirement.
 *
 * <p>Where: {@code org.flannel.harness.conformance.ConformanceReport:DIR} writes into DIR; without an
 * argument into {@code -Dflannel.conformance.dir}, else {@code -Dflannel.reports.dir}, else
 * target/cucumber. Each run makes its own instance, so several runs in one JVM (the self-test) each write
 * their own report where they are told to.
 */
public final class ConformanceReport implements ConcurrentEventListener {
    private final RunSettings settings;
    private final Path directory;
    private final PrintStream out;
    private final ScenarioSources sources = new ScenarioSources();
    private final List<PickleObservation> pickles = Collections.synchronizedList(new ArrayList<>());
    private final Map<UUID, List<String>> attachments = new ConcurrentHashMap<>();
    private final Map<UUID, String> failedSteps = new ConcurrentHashMap<>();
    private volatile Instant started = Instant.now();
    private volatile Set<String> declared;
    private volatile String configurationError;

    public ConformanceReport() {
        this(RunSettings.fromSystemProperties());
    }

    private ConformanceReport(RunSettings settings) {
        this(settings.conformanceReportDir(), System.out, settings);
    }

    /** @param directory where conformance.json and conformance.html go */
    public ConformanceReport(String directory) {
        this(Path.of(directory), System.out, RunSettings.fromSystemProperties());
    }

    ConformanceReport(Path directory, PrintStream out, RunSettings settings) {
        this.directory = directory.toAbsolutePath().normalize();
        this.out = out;
        this.settings = settings;
    }

    public Path jsonFile() {
        return directory.resolve(JsonReport.FILE_NAME);
    }

    public Path htmlFile() {
        return directory.resolve(HtmlReport.FILE_NAME);
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, this::runStarted);
        publisher.registerHandlerFor(Envelope.class, this::envelope);
        publisher.registerHandlerFor(EmbedEvent.class, this::embedded);
        publisher.registerHandlerFor(TestStepFinished.class, this::stepFinished);
        publisher.registerHandlerFor(TestCaseFinished.class, this::caseFinished);
        publisher.registerHandlerFor(TestRunFinished.class, this::runFinished);
    }

    void runStarted(TestRunStarted event) {
        started = event.getInstant();
        try {
            declared = settings.declaredBackends();
        } catch (IllegalArgumentException e) {
            configurationError = e.getMessage();
            declared = Set.copyOf(Backends.KNOWN);
            out.println("CONFORMANCE  CONFIGURATION ERROR: " + configurationError);
        }
    }

    private void envelope(Envelope envelope) {
        envelope.getGherkinDocument().ifPresent(sources::add);
    }

    private void embedded(EmbedEvent event) {
        attachments
                .computeIfAbsent(event.getTestCase().getId(), id -> Collections.synchronizedList(new ArrayList<>()))
                .add(Optional.ofNullable(event.getName()).orElse("(unnamed " + event.getMediaType() + ")"));
    }

    /** The first step (or hook) that did not pass: where the pickle failed. */
    private void stepFinished(TestStepFinished event) {
        if (FailureText.isFailure(event.getResult().getStatus())) {
            failedSteps.putIfAbsent(event.getTestCase().getId(), FailureText.where(event.getTestStep()));
        }
    }

    void caseFinished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        Result result = event.getResult();
        RequirementTags tags = RequirementTags.parse(testCase.getTags());
        Set<String> declaredNow = declared == null ? settings.declaredBackends() : declared;
        Optional<String> notApplicable = Backends.notApplicable(testCase.getTags(), declaredNow);
        Outcome outcome = Outcome.of(result.getStatus().name(), notApplicable.isEmpty());
        String uri = testCase.getUri().toString();
        int line = testCase.getLocation().getLine();
        ScenarioSources.ScenarioSource scenario =
                sources.find(uri, line).orElse(new ScenarioSources.ScenarioSource(line, testCase.getName(), ""));
        String message = FailureText.message(result.getError());
        String failure = outcome.failing() ? Optional.ofNullable(message).orElse(outcome.json()) : null;
        String reason = null;
        if (outcome == Outcome.NOT_APPLICABLE) {
            reason = notApplicable.orElseThrow();
        } else if (outcome == Outcome.SKIPPED) {
            reason = Optional.ofNullable(message).orElse("skipped");
        }
        PickleResult pickle = new PickleResult(
                testCase.getName(),
                uri,
                line,
                outcome,
                result.getDuration().toMillis(),
                outcome.failing() ? failedSteps.get(testCase.getId()) : null,
                failure,
                reason,
                attachments.getOrDefault(testCase.getId(), List.of()));
        pickles.add(new PickleObservation(tags, scenario.line(), scenario.title(), scenario.source(), pickle));
        attachments.remove(testCase.getId());
        failedSteps.remove(testCase.getId());
    }

    void runFinished(TestRunFinished event) {
        ConformanceRun run;
        try {
            run = result(event.getInstant());
            JsonReport.write(run, jsonFile());
            HtmlReport.write(List.of(run), htmlFile());
        } catch (IOException | RuntimeException e) {
            // No report: the verdict then finds none from this build, and says so.
            out.println("CONFORMANCE  cannot write the report into " + directory + ": " + e);
            return;
        }
        out.println();
        ConsoleSummary.lines(run, htmlFile()).forEach(out::println);
        try {
            Path allRuns = directory.getParent() == null ? null : AllRuns.update(directory.getParent());
            if (allRuns != null) {
                out.println("CONFORMANCE  every run side by side: " + allRuns);
            }
        } catch (IOException | RuntimeException e) {
            out.println("CONFORMANCE  cannot write the page of all runs: " + e);
        }
    }

    /** The run as collected so far. */
    ConformanceRun result(Instant finished) {
        List<String> warnings = new ArrayList<>();
        List<Requirement> requirements;
        synchronized (pickles) {
            requirements = Requirements.aggregate(pickles, warnings);
        }
        Set<String> declaredNow = declared == null ? Set.copyOf(Backends.KNOWN) : declared;
        return new ConformanceRun(
                ConformanceRun.FORMAT,
                settings.implementationLabel(),
                settings.driver(),
                Backends.KNOWN.stream().filter(declaredNow::contains).toList(),
                settings.strict(),
                settings.tagFilter().orElse(null),
                started.toString(),
                finished.toString(),
                configurationError,
                null,
                warnings,
                requirements);
    }
}
