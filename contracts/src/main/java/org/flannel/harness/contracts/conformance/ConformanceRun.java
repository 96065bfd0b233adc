package org.flannel.harness.contracts.conformance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's conformance report, as conformance.json holds it: what was judged (the implementation, the
 * topology driver, the declared backends, the strict flag, the tag filter, when), the totals per level and
 * every requirement with its verdict and pickles. {@code configurationError} is set when the run could not
 * judge anything properly (e.g. an unknown backend in -Dflannel.backends).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConformanceRun(
        String format,
        String implementation,
        String topology,
        List<String> declaredBackends,
        boolean strict,
        String tagFilter,
        String started,
        String finished,
        String configurationError,
        Map<String, LevelTotals> totals,
        List<String> warnings,
        List<Requirement> requirements) {
    public static final String FORMAT = "flannel-conformance/1";

    public ConformanceRun {
        declaredBackends = List.copyOf(declaredBackends);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        requirements = List.copyOf(requirements);
        if (totals == null) {
            totals = totalsOf(requirements);
        }
    }

    /** Keyed by level as the tags spell it: "must", "should", "may", "untagged". */
    static Map<String, LevelTotals> totalsOf(List<Requirement> requirements) {
        Map<String, LevelTotals> totals = new LinkedHashMap<>();
        for (Level level : Level.values()) {
            totals.put(
                    level.json(),
                    LevelTotals.of(requirements.stream()
                            .filter(r -> r.level() == level)
                            .toList()));
        }
        return totals;
    }

    public LevelTotals totals(Level level) {
        return totals.getOrDefault(level.json(), new LevelTotals(0, 0, 0, 0, 0));
    }

    /** Its requirements, counted (the totals, the failures, the summary). */
    @JsonIgnore
    public RequirementVerdicts verdicts() {
        return new RequirementVerdicts(requirements);
    }

    /** The requirements that failed at a level. */
    public List<Requirement> failed(Level level) {
        return verdicts().failed(level);
    }

    @JsonIgnore
    public int count(Verdict verdict) {
        return verdicts().count(verdict);
    }
}
