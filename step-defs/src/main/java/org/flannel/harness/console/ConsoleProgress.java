package org.flannel.harness.console;

import io.cucumber.messages.types.Envelope;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestStepFinished;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import org.flannel.harness.conformance.FailureText;
import org.flannel.harness.contracts.conformance.Backends;
import org.flannel.harness.contracts.conformance.RequirementTags;
import org.flannel.harness.run.RunSettings;

/**
 * The console of a features run, a Cucumber plugin: one line per scenario as it ends (scenario k of n,
 * time since the run began, verdict, duration, requirement, feature and scenario), under a failing one the
 * step, the message (the diff) and the last lines of each agent's log, and at the end the count by verdict.
 * The evidence (captures, node dumps, whole logs) goes to the reports, not here.
 *
 * <p>{@code org.flannel.harness.console.ConsoleProgress:DIR} also sends whatever else the JVM prints
 * during the run to DIR/test-output.log (see {@link StrayOutput}); without an argument nothing is diverted.
 */
public final class ConsoleProgress implements ConcurrentEventListener {
    /** The logs Hooks attaches: "flanneld on node1.log", "flanneld on node2 (reference).log", ... */
    private static final Pattern AGENT_LOG = Pattern.compile("flanneld on .*\\.log");

    private final PrintStream out;
    private final StrayOutput stray;
    private final IntSupplier selected;
    /** The backends declared; empty when -Dflannel.backends is wrong (the conformance report says so). */
    private final Set<String> declared;
    /** The @scale features' N, shown on their lines: their text says N, the line says which. */
    private final int scaleNodes;

    private final Map<String, String> features = new ConcurrentHashMap<>();
    private final Map<UUID, Map<String, String>> agentLogs = new ConcurrentHashMap<>();
    private final Map<UUID, String> failedSteps = new ConcurrentHashMap<>();
    private final Map<String, Integer> verdicts = new LinkedHashMap<>();
    private volatile Instant runStarted;
    private int done;

    public ConsoleProgress() {
        this(System.out, null, SelectedScenarios::count, RunSettings.fromSystemProperties());
    }

    /** @param directory where what else is printed during the run goes (the reports directory) */
    public ConsoleProgress(String directory) {
        this(
                System.out,
                new StrayOutput(Path.of(directory).toAbsolutePath().normalize()),
                SelectedScenarios::count,
                RunSettings.fromSystemProperties());
    }

    private ConsoleProgress(PrintStream out, StrayOutput stray, IntSupplier selected, RunSettings settings) {
        this(out, stray, selected, declared(settings), settings.scaleNodes());
    }

    ConsoleProgress(PrintStream out, StrayOutput stray, IntSupplier selected, Set<String> declared) {
        this(out, stray, selected, declared, RunSettings.DEFAULT_SCALE_NODES);
    }

    ConsoleProgress(PrintStream out, StrayOutput stray, IntSupplier selected, Set<String> declared, int scaleNodes) {
        this.out = out;
        this.stray = stray;
        this.selected = selected;
        this.declared = declared;
        this.scaleNodes = scaleNodes;
    }

    private static Set<String> declared(RunSettings settings) {
        try {
            return settings.declaredBackends();
        } catch (IllegalArgumentException e) {
            return Set.of();
        }
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
        runStarted = event.getInstant();
        if (stray != null) {
            stray.divert();
            out.println("Each scenario's line as it ends; what else the tests print goes to " + stray.file());
        }
    }

    void envelope(Envelope envelope) {
        envelope.getGherkinDocument().ifPresent(document -> document.getUri()
                .ifPresent(uri -> document.getFeature().ifPresent(feature -> features.put(uri, feature.getName()))));
    }

    void embedded(EmbedEvent event) {
        if (event.getName() != null
                && AGENT_LOG.matcher(event.getName()).matches()
                && event.getMediaType().startsWith("text/")) {
            agentLogs
                    .computeIfAbsent(event.getTestCase().getId(), id -> new LinkedHashMap<>())
                    .put(event.getName(), new String(event.getData(), StandardCharsets.UTF_8));
        }
    }

    /** The first step (or hook) that did not pass: where the scenario failed. */
    void stepFinished(TestStepFinished event) {
        if (FailureText.isFailure(event.getResult().getStatus())) {
            failedSteps.putIfAbsent(event.getTestCase().getId(), FailureText.where(event.getTestStep()));
        }
    }

    synchronized void caseFinished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        Result result = event.getResult();
        String verdict = verdict(testCase, result.getStatus());
        verdicts.merge(verdict, 1, Integer::sum);
        done++;
        Instant began = runStarted == null ? event.getInstant() : runStarted;
        out.println(ScenarioLine.format(
                done,
                selected.getAsInt(),
                Duration.between(began, event.getInstant()),
                verdict,
                result.getDuration(),
                RequirementTags.parse(testCase.getTags()).idOrNone(),
                features.get(testCase.getUri().toString()),
                testCase.getTags().contains("@scale")
                        ? testCase.getName() + " [N=" + scaleNodes + "]"
                        : testCase.getName()));
        Map<String, String> logs = agentLogs.remove(testCase.getId());
        String failedStep = failedSteps.remove(testCase.getId());
        if (failing(result.getStatus())) {
            FailureDetails.lines(failedStep, FailureText.message(result.getError()), logs == null ? Map.of() : logs)
                    .forEach(out::println);
        }
    }

    /** n/a for a scenario whose backends are not all declared (the applicability hook skipped it). */
    private String verdict(TestCase testCase, Status status) {
        if (status == Status.SKIPPED
                && !declared.isEmpty()
                && Backends.notApplicable(testCase.getTags(), declared).isPresent()) {
            return "n/a";
        }
        return status.name();
    }

    private static boolean failing(Status status) {
        return status != Status.PASSED && status != Status.SKIPPED;
    }

    synchronized void runFinished(TestRunFinished event) {
        if (stray != null) {
            stray.restore();
        }
        Duration took = runStarted == null ? Duration.ZERO : Duration.between(runStarted, event.getInstant());
        StringJoiner counts = new StringJoiner(", ");
        verdicts.forEach((verdict, count) -> counts.add(count + " " + verdict.toLowerCase(Locale.ROOT)));
        out.println();
        out.println(done + (done == 1 ? " scenario" : " scenarios") + " in " + ScenarioLine.clock(took)
                + (done == 0 ? "" : ": " + counts));
    }
}
