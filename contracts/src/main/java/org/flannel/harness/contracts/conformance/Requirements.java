package org.flannel.harness.contracts.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pickles → requirements: an outline's examples (and any scenarios sharing an ID) make one requirement,
 * which passes only if all of them pass ({@link Verdict#of}). An untagged scenario is a requirement of its
 * own, ID "(none)". What is odd about the tags is said in the warnings, never fatal.
 */
public final class Requirements {
    /** How the warning about a scenario without an ID ends (the console counts these instead of listing them). */
    public static final String NO_ID_WARNING =
            " has no requirement ID tag (@R-...): reported as " + RequirementTags.NO_ID + ", and judged as MUST";

    private Requirements() {}

    public static List<Requirement> aggregate(List<PickleObservation> pickles, List<String> warnings) {
        Map<String, List<PickleObservation>> byKey = new LinkedHashMap<>();
        for (PickleObservation pickle : pickles) {
            String scenario = pickle.result().feature() + ":" + pickle.scenarioLine();
            String key = pickle.tags().id().orElse(RequirementTags.NO_ID + " " + scenario);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(pickle);
        }
        Set<String> warned = new LinkedHashSet<>();
        List<Requirement> requirements = new ArrayList<>();
        for (List<PickleObservation> group : byKey.values()) {
            requirements.add(requirement(group, warned));
        }
        requirements.sort(Comparator.comparing(Requirement::feature).thenComparingInt(Requirement::line));
        warnings.addAll(warned);
        return requirements;
    }

    private static Requirement requirement(List<PickleObservation> group, Set<String> warnings) {
        PickleObservation first = group.get(0);
        String id = first.tags().idOrNone();
        Set<String> scenarios = new LinkedHashSet<>();
        Set<Level> levels = new LinkedHashSet<>();
        Set<String> backends = new LinkedHashSet<>();
        for (PickleObservation pickle : group) {
            String where = shortLocation(pickle.result().feature(), pickle.scenarioLine());
            scenarios.add(where);
            levels.add(pickle.tags().level());
            backends.addAll(pickle.tags().backends());
            pickle.tags().problems().forEach(problem -> warnings.add(where + ": " + problem));
        }
        String firstWhere = shortLocation(first.result().feature(), first.scenarioLine());
        if (first.tags().id().isEmpty()) {
            warnings.add(firstWhere + " (" + first.title() + ")" + NO_ID_WARNING);
        }
        if (scenarios.size() > 1) {
            warnings.add(id + " is tagged on more than one scenario " + scenarios + ": judged as one requirement");
        }
        Level level = levels.stream().min(Enum::compareTo).orElseThrow();
        if (levels.size() > 1) {
            warnings.add(id + " has different levels on its pickles " + levels + ": judged as " + level);
        } else if (level == Level.UNTAGGED && first.tags().id().isPresent()) {
            warnings.add(id + " (" + firstWhere + ") has no level tag (@must, @should, @may): judged as MUST");
        }
        List<PickleResult> results =
                group.stream().map(PickleObservation::result).toList();
        return new Requirement(
                id,
                level,
                Backends.of(backends).stream().toList(),
                first.title(),
                first.source(),
                first.result().feature(),
                first.scenarioLine(),
                Verdict.of(results.stream().map(PickleResult::status).toList()),
                results);
    }

    /** "classpath:features/vxlan/01-node-state.feature", 29 → "vxlan/01-node-state.feature:29". */
    public static String shortLocation(String feature, int line) {
        String path = feature.replaceFirst("^(classpath|file):/*", "");
        int features = path.lastIndexOf("features/");
        return (features >= 0 ? path.substring(features + "features/".length()) : path) + ":" + line;
    }
}
