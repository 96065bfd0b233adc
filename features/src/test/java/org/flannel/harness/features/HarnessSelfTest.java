package org.flannel.harness.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.flannel.harness.conformance.AllRuns;
import org.flannel.harness.conformance.ConformanceResults;
import org.flannel.harness.contracts.conformance.PickleResult;
import org.flannel.harness.contracts.conformance.Requirement;
import org.flannel.harness.contracts.conformance.ShownAbleToFail;
import org.flannel.harness.contracts.conformance.Verdict;
import org.flannel.harness.run.RunSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The harness judged: the features run against a second implementation written from scratch for this
 * purpose (features/impls/shell-flanneld, every backend), which must pass them all, and against broken
 * variants of it, each of which must fail exactly the requirements its fault breaks, with messages that
 * name what differs. At the end: how many requirements some variant has shown able to fail, of all;
 * every one must be. Each run writes its conformance report to
 * {@code <flannel.reports.dir>/self-test/<variant>/}; the main run's report is never touched.
 * Tagged so that failsafe's self-test execution runs it, and the conformance execution does not.
 */
@Tag("harness-self-test")
class HarnessSelfTest {
    private static final RunSettings SETTINGS = RunSettings.fromSystemProperties();
    private static final Path IMPLS =
            SETTINGS.implsDir().orElse(Path.of("impls").toAbsolutePath());
    private static final Path REPORTS = SETTINGS.reportsDir()
            .orElse(Path.of("target/cucumber").toAbsolutePath().normalize())
            .resolve("self-test");

    /** Requirement → the variants that failed it as they should; every requirement judged, as keys. */
    private static final Map<String, Set<String>> SHOWN = new TreeMap<>();

    private static int variantsJudged;
    static final int PARALLEL_RUNS = 2;
    private static VariantRuns runs;

    static Stream<SelfTestVariant> variants() {
        return SelfTestVariants.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theFeaturesJudgeTheImplementation(SelfTestVariant variant) throws IOException {
        Path impl = IMPLS.resolve(variant.executable());
        assertThat(Files.isExecutable(impl)).as("%s is an executable", impl).isTrue();

        Path report = runFeaturesAgainst(impl, variant).resolve("conformance.json");
        ConformanceResults results = ConformanceResults.read(report);

        assertThat(results.failed())
                .as("requirements failed by %s (its report: %s)", variant, report)
                .containsExactlyInAnyOrderElementsOf(variant.failures());
        for (Requirement requirement : results.run().requirements()) {
            boolean declared = variant.backends().containsAll(requirement.backends());
            assertThat(requirement.verdict())
                    .as("%s for %s, which declares %s", requirement.id(), variant, variant.backends())
                    .isIn(declared ? List.of(Verdict.PASS, Verdict.FAIL) : List.of(Verdict.NOT_APPLICABLE));
        }
        variant.named().forEach((id, what) -> assertThat(failureMessages(results, id))
                .as("the failure of %s for %s names what differs", id, variant)
                .containsIgnoringCase(what));
        record(variant, results);
    }

    /** Which requirements this variant showed able to fail; the correct one lists them all. */
    private static synchronized void record(SelfTestVariant variant, ConformanceResults results) {
        variantsJudged++;
        results.verdicts().keySet().forEach(id -> SHOWN.computeIfAbsent(id, k -> new TreeSet<>()));
        variant.failures()
                .forEach(id -> SHOWN.computeIfAbsent(id, k -> new TreeSet<>()).add(variant.toString()));
    }

    /**
     * "Requirements shown able to fail: N of M", printed and kept beside the variants' reports (the
     * self-test's all-runs page shows it). Judged only when every variant ran: a filtered run prints it.
     */
    @AfterAll
    static void everyRequirementIsShownAbleToFail() throws IOException {
        Set<String> never = new TreeSet<>();
        SHOWN.forEach((id, variants) -> {
            if (variants.isEmpty()) {
                never.add(id);
            }
        });
        int shown = SHOWN.size() - never.size();
        String figure = "requirements shown able to fail: " + shown + " of " + SHOWN.size();
        System.out.println("SELF-TEST  " + figure + (never.isEmpty() ? "" : "; never failed by a variant: " + never));
        new ShownAbleToFail(shown, SHOWN.size(), never, SHOWN).write(REPORTS.resolve(ShownAbleToFail.FILE_NAME));
        AllRuns.update(REPORTS);
        if (variantsJudged == SelfTestVariants.ALL.size()) {
            assertThat(never)
                    .as(figure + ": requirements no broken variant fails (add a variant, or a check that"
                            + " can fail)")
                    .isEmpty();
        }
    }

    private static String failureMessages(ConformanceResults results, String id) {
        return results.run().requirements().stream()
                .filter(r -> r.id().equals(id))
                .flatMap(r -> r.pickles().stream())
                .map(PickleResult::failure)
                .filter(Objects::nonNull)
                .reduce("", (a, b) -> a + "\n" + b);
    }

    /**
     * The variants' runs, started before the first is judged, two at a time (each in a JVM of its own:
     * they are mostly waiting on agents and timeouts, and the machine has two cores). Judged in order.
     */
    @BeforeAll
    static void startTheRuns() {
        runs = new VariantRuns(IMPLS, REPORTS, PARALLEL_RUNS);
        SelfTestVariants.ALL.stream().filter(HarnessSelfTest::selected).forEach(runs::start);
    }

    @AfterAll
    static void stopTheRuns() {
        if (runs != null) {
            runs.close();
        }
    }

    /** {@code -Dflannel.selftest.variants=wrong-port,udp-tap} runs only those (for a developer's loop). */
    private static boolean selected(SelfTestVariant variant) {
        String only = System.getProperty("flannel.selftest.variants", "").strip();
        return only.isEmpty() || Set.of(only.split("\\s*,\\s*")).contains(variant.toString());
    }

    private static Path runFeaturesAgainst(Path impl, SelfTestVariant variant) {
        Assumptions.assumeTrue(selected(variant), "not selected by -Dflannel.selftest.variants");
        return runs.awaitReport(variant);
    }
}
