package org.flannel.harness.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flannel.harness.contracts.conformance.ConformanceRun;
import org.flannel.harness.contracts.conformance.JsonReport;
import org.flannel.harness.contracts.conformance.Level;
import org.flannel.harness.contracts.conformance.Requirement;
import org.flannel.harness.contracts.conformance.RequirementTags;
import org.flannel.harness.contracts.conformance.Requirements;

/**
 * The run in a few console lines: one summary line, e.g.
 * {@code CONFORMANCE  MUST 41/41  SHOULD 9/11  MAY 2/2  n/a 12  (…/conformance.html)}
 * (passed / judged per level; n/a and skipped are not judged), then one line per failing requirement.
 */
public final class ConsoleSummary {
    private static final int MAX_WARNINGS = 10;

    private ConsoleSummary() {}

    public static String summaryLine(ConformanceRun run, Path html) {
        return "CONFORMANCE  " + run.verdicts().summary() + (html == null ? "" : "  (" + html + ")");
    }

    /** "FAIL MUST R-VXLAN-FDB-01 node1's route, neighbour and FDB entry ...", strictest level first. */
    public static List<String> failureLines(ConformanceRun run) {
        List<String> lines = new ArrayList<>();
        for (Level level : Level.values()) {
            for (Requirement requirement : run.failed(level)) {
                lines.add(failureLine(requirement));
            }
        }
        return lines;
    }

    public static String failureLine(Requirement requirement) {
        return "FAIL " + requirement.level().name() + " " + requirement.id() + " " + requirement.title()
                + (requirement.id().equals(RequirementTags.NO_ID) ? "  (" + requirement.shortLocation() + ")" : "");
    }

    public static List<String> lines(ConformanceRun run, Path html) {
        List<String> lines = new ArrayList<>();
        if (run.configurationError() != null) {
            lines.add("CONFORMANCE  CONFIGURATION ERROR: " + run.configurationError());
        }
        lines.add(summaryLine(run, html));
        lines.addAll(failureLines(run));
        List<String> noId = run.warnings().stream()
                .filter(w -> w.endsWith(Requirements.NO_ID_WARNING))
                .toList();
        List<String> warnings = new ArrayList<>(run.warnings());
        if (noId.size() > 3) {
            warnings.removeAll(noId);
            warnings.add(
                    0,
                    noId.size() + " scenarios have no requirement ID tag (@R-...): reported as " + RequirementTags.NO_ID
                            + ", and judged as MUST (listed in " + JsonReport.FILE_NAME + ")");
        }
        warnings.stream().limit(MAX_WARNINGS).forEach(warning -> lines.add("WARN " + warning));
        if (warnings.size() > MAX_WARNINGS) {
            lines.add("WARN ... and " + (warnings.size() - MAX_WARNINGS) + " more warnings in " + JsonReport.FILE_NAME);
        }
        return lines;
    }
}
