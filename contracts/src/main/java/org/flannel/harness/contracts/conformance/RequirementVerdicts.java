package org.flannel.harness.contracts.conformance;

import java.util.List;

/**
 * Requirements judged, and counted: how a run's scenarios become per-requirement verdicts
 * ({@link Requirements#aggregate}), the totals per level, the failures, and the summary the console, the
 * conformance page and the site's front page print alike: {@code MUST 34/34  SHOULD 9/11  MAY 2/2  n/a 12}
 * (passed / judged per level; n/a and skipped requirements are not judged).
 */
public record RequirementVerdicts(List<Requirement> requirements) {

    public RequirementVerdicts {
        requirements = List.copyOf(requirements);
    }

    /** The pickles of a run, judged requirement by requirement; what is odd about their tags goes into warnings. */
    public static RequirementVerdicts judge(List<PickleObservation> pickles, List<String> warnings) {
        return new RequirementVerdicts(Requirements.aggregate(pickles, warnings));
    }

    public LevelTotals totals(Level level) {
        return LevelTotals.of(
                requirements.stream().filter(r -> r.level() == level).toList());
    }

    /** The requirements that failed at a level. */
    public List<Requirement> failed(Level level) {
        return requirements.stream()
                .filter(r -> r.level() == level && r.verdict() == Verdict.FAIL)
                .toList();
    }

    /** Every failed requirement, strictest level first. */
    public List<Requirement> failed() {
        return List.of(Level.values()).stream()
                .flatMap(level -> failed(level).stream())
                .toList();
    }

    public int count(Verdict verdict) {
        return (int) requirements.stream().filter(r -> r.verdict() == verdict).count();
    }

    /** Passed/judged per level (untagged only when there are some), then n/a, and skipped when any were. */
    public String summary() {
        StringBuilder line = new StringBuilder();
        for (Level level : Level.values()) {
            LevelTotals totals = totals(level);
            if (level == Level.UNTAGGED && totals.total() == 0) {
                continue;
            }
            line.append(line.length() == 0 ? "" : "  ")
                    .append(level.name())
                    .append(' ')
                    .append(totals.pass())
                    .append('/')
                    .append(totals.judged());
            if (level == Level.UNTAGGED) {
                line.append(" (judged as MUST)");
            }
        }
        line.append("  n/a ").append(count(Verdict.NOT_APPLICABLE));
        int skipped = count(Verdict.SKIPPED);
        if (skipped > 0) {
            line.append("  skipped ").append(skipped);
        }
        return line.toString();
    }
}
