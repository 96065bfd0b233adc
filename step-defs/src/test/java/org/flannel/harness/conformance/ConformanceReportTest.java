package org.flannel.harness.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.core.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flannel.harness.conformance.fixture.FixtureSteps;
import org.flannel.harness.contracts.conformance.ConformanceRun;
import org.flannel.harness.contracts.conformance.JsonReport;
import org.flannel.harness.contracts.conformance.Level;
import org.flannel.harness.contracts.conformance.LevelTotals;
import org.flannel.harness.contracts.conformance.Outcome;
import org.flannel.harness.contracts.conformance.PickleResult;
import org.flannel.harness.contracts.conformance.Requirement;
import org.flannel.harness.contracts.conformance.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin in a real Cucumber run: the fixture features (src/test/resources/.../fixture) with the
 * harness's glue (so the applicability hook) and the fixture's steps, the plugin told where to write.
 */
class ConformanceReportTest {
    private static final String FEATURES = "classpath:org/flannel/harness/conformance/fixture";

    @TempDir
    static Path dir;

    static RunOutcome vxlanOnly;

    /** What one run left: its report and its console output. */
    record RunOutcome(
            ConformanceRun run, Map<String, Requirement> byKey, String console, List<String> ran, byte status) {}

    @BeforeAll
    static void runWithVxlanDeclared() throws Exception {
        vxlanOnly = cucumber("vxlan", dir.resolve("vxlan-only"));
    }

    static RunOutcome cucumber(String backends, Path reportDir) throws Exception {
        Map<String, String> saved = new HashMap<>();
        for (String key : List.of("flannel.backends", "flannel.impl", "flannel.strict", "cucumber.publish.quiet")) {
            saved.put(key, System.getProperty(key));
        }
        PrintStream stdout = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        FixtureSteps.RAN.clear();
        byte status;
        try {
            System.setProperty("flannel.backends", backends);
            System.setProperty("flannel.impl", "/opt/judged/../judged/flanneld");
            System.setProperty("cucumber.publish.quiet", "true");
            System.clearProperty("flannel.strict");
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            status = Main.run(
                    new String[] {
                        "--glue",
                        "org.flannel.harness.steps",
                        "--glue",
                        "org.flannel.harness.conformance.fixture",
                        "--monochrome",
                        "--plugin",
                        ConformanceReport.class.getName() + ":" + reportDir,
                        FEATURES
                    },
                    ConformanceReportTest.class.getClassLoader());
        } finally {
            System.setOut(stdout);
            saved.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
        String output = console.toString(StandardCharsets.UTF_8);
        stdout.print(output);
        ConformanceRun run = JsonReport.read(reportDir.resolve("conformance.json"));
        return new RunOutcome(
                run,
                run.requirements().stream().collect(Collectors.toMap(Requirement::key, Function.identity())),
                output,
                List.copyOf(FixtureSteps.RAN),
                status);
    }

    @Test
    void verdictsPerRequirement() {
        Map<String, Verdict> verdicts = vxlanOnly.byKey().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().verdict()));
        assertThat(verdicts)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "R-FIX-PASS-01", Verdict.PASS,
                        "R-FIX-FAIL-01", Verdict.FAIL,
                        "R-FIX-SHOULD-01", Verdict.FAIL,
                        "R-FIX-MAY-01", Verdict.FAIL,
                        "R-FIX-OUTLINE-01", Verdict.FAIL,
                        "(none) org/flannel/harness/conformance/fixture/01-vxlan.feature:46", Verdict.PASS,
                        "R-FIX-NOLEVEL-01", Verdict.PASS,
                        "(none) org/flannel/harness/conformance/fixture/01-vxlan.feature:54", Verdict.PASS,
                        "R-FIX-UDP-01", Verdict.NOT_APPLICABLE,
                        "R-FIX-TWO-01", Verdict.NOT_APPLICABLE));
        assertThat(vxlanOnly.status())
                .as("cucumber's exit status: scenarios failed")
                .isNotZero();
    }

    @Test
    void whatDoesNotApplyRunsNoStepAndSaysWhy() {
        assertThat(vxlanOnly.ran())
                .doesNotContain("a udp MUST whose steps would fail", "needs host-gw and vxlan both")
                .contains("a MUST that passes");
        assertThat(vxlanOnly.byKey().get("R-FIX-UDP-01").pickles())
                .singleElement()
                .satisfies(pickle -> {
                    assertThat(pickle.status()).isEqualTo(Outcome.NOT_APPLICABLE);
                    assertThat(pickle.reason()).startsWith("not applicable: needs backend udp; declared: vxlan");
                    assertThat(pickle.failure()).isNull();
                });
        assertThat(vxlanOnly.byKey().get("R-FIX-TWO-01").pickles().get(0).reason())
                .startsWith("not applicable: needs backend host-gw; declared: vxlan");
        assertThat(vxlanOnly.byKey().get("R-FIX-TWO-01").backends()).containsExactly("vxlan", "host-gw");
    }

    @Test
    void anOutlineIsOneRequirementFailingWithItsFailingExample() {
        Requirement outline = vxlanOnly.byKey().get("R-FIX-OUTLINE-01");
        assertThat(outline.title()).isEqualTo("an outline whose second example fails: <value>");
        assertThat(outline.line()).isEqualTo(36);
        assertThat(outline.source()).isEqualTo("seed §4");
        assertThat(outline.pickles())
                .extracting(PickleResult::status)
                .containsExactly(Outcome.PASSED, Outcome.FAILED, Outcome.PASSED);
        assertThat(outline.pickles()).extracting(PickleResult::line).containsExactly(42, 43, 44);
        PickleResult failing = outline.pickles().get(1);
        assertThat(failing.name()).isEqualTo("an outline whose second example fails: b");
        assertThat(failing.failure()).isEqualTo("expected c but was b");
        assertThat(failing.failedStep()).startsWith("Then the fixture check passes when b is c");
    }

    @Test
    void aFailureKeepsItsWholeMessageSourceAndAttachments() {
        Requirement failing = vxlanOnly.byKey().get("R-FIX-FAIL-01");
        assertThat(failing.level()).isEqualTo(Level.MUST);
        assertThat(failing.source()).isEqualTo("seed §3");
        assertThat(failing.feature()).endsWith("fixture/01-vxlan.feature");
        assertThat(failing.pickles()).singleElement().satisfies(pickle -> {
            assertThat(pickle.failure())
                    .isEqualTo("field        expected   actual\n" + "vni          1          <2> & 'three' \"four\"");
            assertThat(pickle.attachments()).containsExactly("node1 kernel state.txt");
            assertThat(pickle.durationMillis()).isNotNegative();
        });
        assertThat(vxlanOnly.byKey().get("R-FIX-PASS-01").source())
                .isEqualTo("seed §2 (the FDB); flannel-behaviour.md \"vxlan\"");
    }

    @Test
    void untaggedScenariosAreReportedAsSuchAndWarnedAbout() {
        Requirement untagged =
                vxlanOnly.byKey().get("(none) org/flannel/harness/conformance/fixture/01-vxlan.feature:46");
        assertThat(untagged.id()).isEqualTo("(none)");
        assertThat(untagged.level()).isEqualTo(Level.UNTAGGED);
        assertThat(vxlanOnly.byKey().get("R-FIX-NOLEVEL-01").level()).isEqualTo(Level.UNTAGGED);
        assertThat(vxlanOnly
                        .byKey()
                        .get("(none) org/flannel/harness/conformance/fixture/01-vxlan.feature:54")
                        .level())
                .isEqualTo(Level.MUST);
        assertThat(vxlanOnly.run().warnings())
                .anyMatch(w -> w.contains("malformed requirement tag @R-fix-bad"))
                .anyMatch(w -> w.contains("R-FIX-NOLEVEL-01") && w.contains("has no level tag"))
                .anyMatch(w -> w.contains("01-vxlan.feature:46") && w.contains("has no requirement ID tag"));
    }

    @Test
    void theRunIsDescribed() {
        ConformanceRun run = vxlanOnly.run();
        assertThat(run.implementation()).isEqualTo("/opt/judged/flanneld");
        assertThat(run.declaredBackends()).containsExactly("vxlan");
        assertThat(run.strict()).isFalse();
        assertThat(run.configurationError()).isNull();
        assertThat(run.totals(Level.MUST)).isEqualTo(new LevelTotals(2, 2, 2, 0, 6));
        assertThat(run.totals(Level.UNTAGGED)).isEqualTo(new LevelTotals(2, 0, 0, 0, 2));
        assertThat(Files.exists(dir.resolve("vxlan-only/conformance.html"))).isTrue();
    }

    @Test
    void theConsoleGetsOneSummaryLineAndOneLinePerFailure() {
        assertThat(vxlanOnly.console())
                .contains("CONFORMANCE  MUST 2/4  SHOULD 0/1  MAY 0/1  UNTAGGED 2/2 (judged as MUST)  n/a 2  ("
                        + dir.resolve("vxlan-only/conformance.html") + ")\n")
                .contains("\nFAIL MUST R-FIX-FAIL-01 a MUST that fails <with markup>\n")
                .contains("\nFAIL MUST R-FIX-OUTLINE-01 an outline whose second example fails: <value>\n")
                .contains("\nFAIL SHOULD R-FIX-SHOULD-01 a SHOULD that fails\n")
                .contains("\nFAIL MAY R-FIX-MAY-01 a MAY that fails\n");
    }

    @Test
    void anotherRunInTheSameJvmWritesItsOwnReport(@TempDir Path other) throws Exception {
        RunOutcome all = cucumber("vxlan,udp,host-gw", other.resolve("all"));
        assertThat(all.run().declaredBackends()).containsExactly("vxlan", "udp", "host-gw");
        assertThat(all.byKey().get("R-FIX-UDP-01").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(all.byKey().get("R-FIX-TWO-01").verdict()).isEqualTo(Verdict.PASS);
        assertThat(all.ran()).contains("a udp MUST whose steps would fail");
        assertThat(JsonReport.read(dir.resolve("vxlan-only/conformance.json")).declaredBackends())
                .as("the first run's report is untouched")
                .containsExactly("vxlan");
    }

    @Test
    void anInvalidDeclarationFailsEveryScenarioAndIsRecorded(@TempDir Path other) throws Exception {
        RunOutcome invalid = cucumber("vxlan,geneve", other.resolve("invalid"));
        assertThat(invalid.run().configurationError())
                .contains("unknown backend geneve")
                .contains("the valid ones are vxlan, udp, host-gw");
        assertThat(invalid.ran()).isEmpty();
        assertThat(invalid.byKey().get("R-FIX-PASS-01").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(invalid.byKey().get("R-FIX-PASS-01").pickles().get(0).failure())
                .contains("unknown backend geneve");
        assertThat(invalid.console()).contains("CONFORMANCE  CONFIGURATION ERROR: -Dflannel.backends=vxlan,geneve");
    }
}
