package org.flannel.harness.conformance;

import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Rule;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.TableRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scenarios as written, from the Gherkin documents Cucumber parsed: for a pickle's location (a
 * scenario's line, or an outline example's row) the scenario it comes from, its title as written and the
 * {@code Source:} line of its description (the references to the seed and flannel-behaviour.md).
 */
public final class ScenarioSources {
    private static final Pattern SOURCE = Pattern.compile("^\\s*Source:\\s*(.*?)\\s*$", Pattern.MULTILINE);

    /** The scenario a pickle comes from. */
    public record ScenarioSource(int line, String title, String source) {
    }

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
        ScenarioSource source = new ScenarioSource(line, scenario.getName(), sourceLine(scenario.getDescription()));
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

    /** The text after "Source:" on the description's lines that have it (joined by " / "), or "". */
    static String sourceLine(String description) {
        if (description == null) {
            return "";
        }
        List<String> sources = new ArrayList<>();
        Matcher matcher = SOURCE.matcher(description);
        while (matcher.find()) {
            sources.add(matcher.group(1));
        }
        return String.join(" / ", sources);
    }

    private static String key(String uri, int line) {
        return uri + ":" + line;
    }
}
