package org.flannel.harness.conformance;

import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Rule;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.TableRow;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.flannel.harness.contracts.conformance.SourceLines;

/**
 * The scenarios as written, from the Gherkin documents Cucumber parsed: for a pickle's location (a
 * scenario's line, or an outline example's row) the scenario it comes from, its title as written and the
 * {@code Source:} line of its description (the references to the seed and flannel-behaviour.md).
 */
public final class ScenarioSources {
    /** The scenario a pickle comes from. */
    public record ScenarioSource(int line, String title, String source) {}

    private final Map<String, ScenarioSource> byPickleLocation = new ConcurrentHashMap<>();

    public void add(GherkinDocument document) {
        Optional<String> uri = document.getUri();
        Optional<Feature> feature = document.getFeature();
        if (uri.isEmpty() || feature.isEmpty()) {
            return;
        }
        for (FeatureChild child : feature.get().getChildren()) {
            child.getScenario().ifPresent(scenario -> add(uri.get(), scenario));
            child.getRule().ifPresent(rule -> add(uri.get(), rule));
        }
    }

    private void add(String uri, Rule rule) {
        for (RuleChild child : rule.getChildren()) {
            child.getScenario().ifPresent(scenario -> add(uri, scenario));
        }
    }

    private void add(String uri, Scenario scenario) {
        int line = scenario.getLocation().getLine().intValue();
        ScenarioSource source =
                new ScenarioSource(line, scenario.getName(), SourceLines.joined(scenario.getDescription()));
        byPickleLocation.put(key(uri, line), source);
        for (Examples examples : scenario.getExamples()) {
            for (TableRow row : examples.getTableBody()) {
                byPickleLocation.put(key(uri, row.getLocation().getLine().intValue()), source);
            }
        }
    }

    /** The scenario of the pickle at this location, if its document was seen. */
    public Optional<ScenarioSource> find(String uri, int pickleLine) {
        return Optional.ofNullable(byPickleLocation.get(key(uri, pickleLine)));
    }

    private static String key(String uri, int line) {
        return uri + ":" + line;
    }
}
