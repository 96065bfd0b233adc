package org.flannel.harness.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.flannel.harness.contracts.conformance.ConformanceRun;
import org.flannel.harness.contracts.conformance.JsonReport;
import org.flannel.harness.contracts.conformance.ShownAbleToFail;

/**
 * Implementation × requirement over several runs: each run's report directory sits beside the others
 * (reports/target/cucumber, cucumber-docker, cucumber-flannel; or self-test/&lt;variant&gt;), and after
 * every run one page puts all of them side by side, each headed by its implementation, driver and date.
 */
public final class AllRuns {
    static final String FILE_NAME = "conformance-all-runs.html";
    /** Written by the harness's self-test beside its variants' reports: how many requirements can fail. */
    public static final String SHOWN_ABLE_TO_FAIL = ShownAbleToFail.FILE_NAME;

    private AllRuns() {}

    /** Rewrites {@code parent/conformance-all-runs.html} from {@code parent/*}/conformance.json; null if fewer than two. */
    public static Path update(Path parent) throws IOException {
        List<Path> reports;
        try (Stream<Path> dirs = Files.list(parent)) {
            reports = dirs.sorted(Comparator.comparing(dir -> dir.getFileName().toString()))
                    .map(dir -> dir.resolve(JsonReport.FILE_NAME))
                    .filter(Files::isRegularFile)
                    .toList();
        }
        List<ConformanceRun> runs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path report : reports) {
            try {
                ConformanceRun run = JsonReport.read(report);
                // A copy of a run (the living documentation keeps one in site/) is shown once.
                if (seen.add(run.implementation() + " " + run.topology() + " " + run.finished())) {
                    runs.add(run);
                }
            } catch (IOException | RuntimeException e) {
                // Another tool's file, or a report from an older layout: the page shows the others.
            }
        }
        if (runs.size() < 2) {
            return null;
        }
        Path page = parent.resolve(FILE_NAME);
        HtmlReport.write(runs, page, headline(parent.resolve(SHOWN_ABLE_TO_FAIL)));
        return page;
    }

    /** "Requirements shown able to fail: N of M" when the self-test left its figure here, else none. */
    private static String headline(Path figure) {
        if (!Files.isRegularFile(figure)) {
            return null;
        }
        try {
            return ShownAbleToFail.read(figure).headline();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
