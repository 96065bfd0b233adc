package org.flannel.harness.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flannel.harness.contracts.conformance.ConformanceRun;
import org.flannel.harness.contracts.conformance.JsonReport;
import org.flannel.harness.contracts.conformance.Level;
import org.flannel.harness.contracts.conformance.Verdict;

/**
 * A conformance.json read back, for code that checks verdicts per requirement (the harness's self-test,
 * the build verdict): which requirements failed, by level. Untagged scenarios are keyed
 * "(none) vxlan/01-node-state.feature:29".
 */
public final class ConformanceResults {
    private final ConformanceRun run;

    private ConformanceResults(ConformanceRun run) {
        this.run = run;
    }

    public static ConformanceResults read(Path conformanceJson) throws IOException {
        return new ConformanceResults(JsonReport.read(conformanceJson));
    }

    public static ConformanceResults of(ConformanceRun run) {
        return new ConformanceResults(run);
    }

    public ConformanceRun run() {
        return run;
    }

    /** Every level, with the IDs of its failed requirements (possibly none), sorted. */
    public Map<Level, Set<String>> failedByLevel() {
        Map<Level, Set<String>> failed = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            failed.put(level, failed(level));
        }
        return failed;
    }

    public Set<String> failed(Level level) {
        Set<String> ids = new TreeSet<>();
        run.failed(level).forEach(requirement -> ids.add(requirement.key()));
        return ids;
    }

    /** Every failed requirement, whatever its level. */
    public Set<String> failed() {
        Set<String> ids = new TreeSet<>();
        failedByLevel().values().forEach(ids::addAll);
        return ids;
    }

    /** Requirement key → verdict, in report order. */
    public Map<String, Verdict> verdicts() {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        run.requirements().forEach(requirement -> verdicts.put(requirement.key(), requirement.verdict()));
        return verdicts;
    }
}
