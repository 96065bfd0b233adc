package org.flannel.harness.console;

import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.plugin.event.Argument;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.Location;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.Step;
import io.cucumber.plugin.event.StepArgument;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestStep;
import io.cucumber.plugin.event.TestStepFinished;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Cucumber's events as a run sends them, made by hand: what the console plugin is fed in its tests. */
final class Events {
    static final Instant START = Instant.parse("2026-12-05T10:00:00Z");
    static final String URI_VXLAN = "classpath:features/vxlan/01-node-state.feature";

    private Events() {}

    static TestRunStarted runStarted() {
        return new TestRunStarted(START);
    }

    static TestRunFinished runFinished(long secondsAfterStart) {
        return new TestRunFinished(START.plusSeconds(secondsAfterStart));
    }

    static Envelope feature(String uri, String name) {
        Feature feature = new Feature(
                new io.cucumber.messages.types.Location(1L, 1L), List.of(), "en", "Feature", name, "", List.of());
        return Envelope.of(new GherkinDocument(uri, feature, List.of()));
    }

    static TestCase scenario(String name, String... tags) {
        return new Scenario(UUID.randomUUID(), name, List.of(tags));
    }

    static TestCaseFinished finished(
            TestCase testCase, long secondsAfterStart, Status status, long millis, Throwable error) {
        return new TestCaseFinished(
                START.plusSeconds(secondsAfterStart), testCase, new Result(status, Duration.ofMillis(millis), error));
    }

    static TestStepFinished stepFailed(TestCase testCase, String keyword, String text, int line) {
        return new TestStepFinished(
                START,
                testCase,
                new StepOfScenario(new GherkinStep(keyword, text, line)),
                new Result(Status.FAILED, Duration.ofMillis(5), new AssertionError("x")));
    }

    static TestStepFinished stepPassed(TestCase testCase, String keyword, String text, int line) {
        return new TestStepFinished(
                START,
                testCase,
                new StepOfScenario(new GherkinStep(keyword, text, line)),
                new Result(Status.PASSED, Duration.ofMillis(5), null));
    }

    static EmbedEvent attached(TestCase testCase, String name, String mediaType, String text) {
        return new EmbedEvent(START, testCase, text.getBytes(StandardCharsets.UTF_8), mediaType, name);
    }

    private record Scenario(UUID id, String name, List<String> tags) implements TestCase {
        @Override
        public Integer getLine() {
            return 12;
        }

        @Override
        public Location getLocation() {
            return new Location(12, 3);
        }

        @Override
        public String getKeyword() {
            return "Scenario";
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getScenarioDesignation() {
            return URI_VXLAN + ":12 # " + name;
        }

        @Override
        public List<String> getTags() {
            return tags;
        }

        @Override
        public List<TestStep> getTestSteps() {
            return List.of();
        }

        @Override
        public URI getUri() {
            return URI.create(URI_VXLAN);
        }

        @Override
        public UUID getId() {
            return id;
        }
    }

    private record GherkinStep(String keyword, String text, int line) implements Step {
        @Override
        public StepArgument getArgument() {
            return null;
        }

        @Override
        public String getKeyword() {
            return keyword;
        }

        @Override
        public String getText() {
            return text;
        }

        @Override
        public int getLine() {
            return line;
        }

        @Override
        public Location getLocation() {
            return new Location(line, 5);
        }
    }

    private record StepOfScenario(Step step) implements PickleStepTestStep {
        @Override
        public String getPattern() {
            return step.getText();
        }

        @Override
        public Step getStep() {
            return step;
        }

        @Override
        public List<Argument> getDefinitionArgument() {
            return List.of();
        }

        @Override
        public StepArgument getStepArgument() {
            return null;
        }

        @Override
        public int getStepLine() {
            return step.getLine();
        }

        @Override
        public URI getUri() {
            return URI.create(URI_VXLAN);
        }

        @Override
        public String getStepText() {
            return step.getText();
        }

        @Override
        public String getCodeLocation() {
            return "KernelSteps.routingTableHas(String)";
        }

        @Override
        public UUID getId() {
            return UUID.randomUUID();
        }
    }
}
