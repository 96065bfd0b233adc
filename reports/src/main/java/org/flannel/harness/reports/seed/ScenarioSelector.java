package org.flannel.harness.reports.seed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flannel.harness.reports.model.Run;
import org.flannel.harness.reports.model.Scenario;

/**
 * Finds the scenarios a seed statement names: {@code feature:<path under features/>} for a whole feature,
 * {@code @tag} (a requirement ID such as {@code @R-VXLAN-FRAME-01}, or any tag), or a scenario's exact name.
 * A scenario also demonstrates a statement when its {@code Source:} line names the statement's anchor
 * ({@code #vxlan-flow-3}). Selectors that find nothing are reported, never fatal.
 */
public final class ScenarioSelector {
    private final Run run;
    private final Set<String> unmatched = new LinkedHashSet<>();

    public ScenarioSelector(Run run) {
        this.run = run;
    }

    public List<Scenario> select(SeedStatement statement) {
        Set<Scenario> found = new LinkedHashSet<>();
        for (String selector : statement.demonstratedBy()) {
            List<Scenario> matches = select(selector);
            if (matches.isEmpty()) {
                unmatched.add(selector);
            }
            found.addAll(matches);
        }
        for (Scenario scenario : run.scenarios()) {
            scenario.source()
                    .filter(source ->
                            source.contains("#" + statement.id() + " ") || source.endsWith("#" + statement.id()))
                    .ifPresent(source -> found.add(scenario));
        }
        return new ArrayList<>(found);
    }

    public List<Scenario> select(String selector) {
        if (selector.startsWith("feature:")) {
            String path = selector.substring("feature:".length());
            return run.scenarios().stream()
                    .filter(s -> s.featurePath().equals(path))
                    .toList();
        }
        if (selector.startsWith("@")) {
            return run.scenarios().stream()
                    .filter(s -> s.tags().contains(selector))
                    .toList();
        }
        return run.scenarios().stream()
                .filter(s -> s.name().equals(selector) || s.name().endsWith(": " + selector))
                .toList();
    }

    /** Selectors that named no scenario of this run (renamed scenarios, or a run with a tag filter). */
    public Set<String> unmatched() {
        return unmatched;
    }
}
