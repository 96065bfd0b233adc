package org.flannel.harness.steps;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import io.cucumber.messages.types.PickleStepType;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.TableRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which steps of a scenario are outcomes (Then, and the And or But that follow one), in the order Cucumber runs
 * them, background first: read from its feature file, as Cucumber's hooks do not say which step comes next.
 */
final class OutcomeSteps {
    private static final Map<URI, Map<Integer, List<Boolean>>> BY_FEATURE = new ConcurrentHashMap<>();

    private OutcomeSteps() {}

    /**
     * @param uri the feature, as Cucumber names it ({@code classpath:...} or {@code file:...})
     * @param line the scenario's line, or its example row's for an outline
     * @return for each step of the pickle, whether it is an outcome
     */
    static List<Boolean> of(URI uri, int line) {
        List<Boolean> outcomes =
                BY_FEATURE.computeIfAbsent(uri, OutcomeSteps::parse).get(line);
        if (outcomes == null) {
            throw new IllegalStateException("no scenario at line " + line + " of " + uri);
        }
        return outcomes;
    }

    static Map<Integer, List<Boolean>> parse(URI uri) {
        return parse(uri.toString(), read(uri));
    }

    static Map<Integer, List<Boolean>> parse(String name, byte[] text) {
        List<Envelope> envelopes = GherkinParser.builder()
                .includeSource(false)
                .build()
                .parse(name, text)
                .toList();
        Map<String, Integer> lines = new HashMap<>();
        envelopes.stream()
                .flatMap(e -> e.getGherkinDocument().stream())
                .map(GherkinDocument::getFeature)
                .flatMap(java.util.Optional::stream)
                .forEach(feature -> {
                    for (FeatureChild child : feature.getChildren()) {
                        child.getScenario().ifPresent(scenario -> collectLines(scenario, lines));
                        child.getRule().ifPresent(rule -> rule.getChildren().stream()
                                .map(RuleChild::getScenario)
                                .flatMap(java.util.Optional::stream)
                                .forEach(scenario -> collectLines(scenario, lines)));
                    }
                });
        Map<Integer, List<Boolean>> byLine = new HashMap<>();
        envelopes.stream()
                .flatMap(e -> e.getPickle().stream())
                .forEach(pickle -> byLine.put(
                        lineOf(pickle, lines),
                        pickle.getSteps().stream().map(OutcomeSteps::isOutcome).toList()));
        return byLine;
    }

    private static boolean isOutcome(PickleStep step) {
        return step.getType().filter(PickleStepType.OUTCOME::equals).isPresent();
    }

    /** An outline's pickle is where its example row is; a scenario's, where the scenario is. */
    private static int lineOf(Pickle pickle, Map<String, Integer> lines) {
        List<String> ids = pickle.getAstNodeIds();
        return lines.getOrDefault(ids.get(ids.size() - 1), -1);
    }

    private static void collectLines(Scenario scenario, Map<String, Integer> lines) {
        lines.put(scenario.getId(), scenario.getLocation().getLine().intValue());
        for (Examples examples : scenario.getExamples()) {
            for (TableRow row : examples.getTableBody()) {
                lines.put(row.getId(), row.getLocation().getLine().intValue());
            }
        }
    }

    private static byte[] read(URI uri) {
        try {
            if ("classpath".equals(uri.getScheme())) {
                String resource = uri.getSchemeSpecificPart().replaceFirst("^/", "");
                try (InputStream in =
                        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("no feature " + resource + " on the class path");
                    }
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + uri, e);
        }
    }
}
