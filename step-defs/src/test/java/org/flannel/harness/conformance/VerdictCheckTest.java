package org.flannel.harness.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.flannel.harness.contracts.conformance.ConformanceRun;
import org.flannel.harness.contracts.conformance.JsonReport;
import org.flannel.harness.contracts.conformance.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictCheckTest {
    @TempDir
    Path dir;

    private Path write(ConformanceRun run) throws Exception {
        Path file = dir.resolve("conformance.json");
        JsonReport.write(run, file);
        return file;
    }

    @Test
    void aMustFailureFailsTheBuildNamingTheRequirement() throws Exception {
        Path file = write(new Runs()
                .add("@vxlan @R-VXLAN-FDB-01 @must", Outcome.FAILED)
                .add("@vxlan @R-VXLAN-DEV-01 @must", Outcome.PASSED)
                .add("@vxlan @R-VXLAN-MTU-01 @should", Outcome.FAILED)
                .run());
        assertThatThrownBy(() -> VerdictCheck.check(file, false, null))
                .isInstanceOf(VerdictCheck.VerdictFailed.class)
                .hasMessageStartingWith("CONFORMANCE  MUST 1/2  SHOULD 0/1  MAY 0/0  n/a 0")
                .hasMessageContaining("  FAIL MUST R-VXLAN-FDB-01 scenario @vxlan @R-VXLAN-FDB-01 @must")
                .hasMessageContaining("Also failed, not failing the build:\n  FAIL SHOULD R-VXLAN-MTU-01")
                .hasMessageContaining("conformance.html");
    }

    @Test
    void aShouldFailurePassesUnlessStrict() throws Exception {
        Path file = write(new Runs()
                .add("@vxlan @R-VXLAN-DEV-01 @must", Outcome.PASSED)
                .add("@vxlan @R-VXLAN-MTU-01 @should", Outcome.FAILED)
                .run());
        List<String> lines = VerdictCheck.check(file, false, null);
        assertThat(lines.get(0)).startsWith("CONFORMANCE  MUST 1/1  SHOULD 0/1");
        assertThat(lines)
                .anyMatch(line -> line.contains("conforms to every MUST"))
                .anyMatch(line -> line.equals("  FAIL SHOULD R-VXLAN-MTU-01 scenario @vxlan @R-VXLAN-MTU-01 @should"));
        assertThatThrownBy(() -> VerdictCheck.check(file, true, null))
                .isInstanceOf(VerdictCheck.VerdictFailed.class)
                .hasMessageContaining("-Dflannel.strict=true")
                .hasMessageContaining("  FAIL SHOULD R-VXLAN-MTU-01");
    }

    @Test
    void mayFailuresNotApplicableAndSkippedNeverFailTheBuild() throws Exception {
        Path file = write(new Runs()
                .add("@udp @R-UDP-TUN-01 @must", Outcome.NOT_APPLICABLE)
                .add("@vxlan @R-VXLAN-X-01 @must", Outcome.SKIPPED)
                .add("@vxlan @R-VXLAN-OPT-01 @may", Outcome.FAILED)
                .run());
        List<String> lines = VerdictCheck.check(file, true, null);
        assertThat(lines.get(0)).startsWith("CONFORMANCE  MUST 0/0  SHOULD 0/0  MAY 0/1  n/a 1  skipped 1");
        assertThat(lines).anyMatch(line -> line.contains("FAIL MAY R-VXLAN-OPT-01"));
    }

    @Test
    void aRunThatJudgedNothingFailsInsteadOfConforming() throws Exception {
        Path onlyNotApplicable = write(new Runs()
                .add("@udp @R-UDP-TUN-01 @must", Outcome.NOT_APPLICABLE)
                .add("@vxlan @R-VXLAN-X-01 @must", Outcome.SKIPPED)
                .run());
        assertThatThrownBy(() -> VerdictCheck.check(onlyNotApplicable, false, null))
                .isInstanceOf(VerdictCheck.VerdictFailed.class)
                .hasMessageContaining("no requirement was judged")
                .hasMessageContaining("-Dflannel.backends");
        Path empty = dir.resolve("empty.json");
        JsonReport.write(new Runs().run(), empty);
        assertThatThrownBy(() -> VerdictCheck.check(empty, false, null))
                .isInstanceOf(VerdictCheck.VerdictFailed.class)
                .hasMessageContaining("no scenario ran");
    }

    @Test
    void anUntaggedFailureIsJudgedAsMust() throws Exception {
        Path file = write(new Runs().add("@vxlan", Outcome.FAILED).run());
        assertThatThrownBy(() -> VerdictCheck.check(file, false, null))
                .hasMessageContaining("UNTAGGED 0/1 (judged as MUST)")
                .hasMessageContaining("FAIL UNTAGGED (none) scenario @vxlan  (vxlan/01-x.feature:10)")
                .hasMessageContaining("untagged scenarios are judged as MUST");
    }

    @Test
    void aMissingReportFailsSayingSo() {
        assertThatThrownBy(() -> VerdictCheck.check(dir.resolve("conformance.json"), false, null))
                .isInstanceOf(VerdictCheck.VerdictFailed.class)
                .hasMessageContaining("conformance.json is missing")
                .hasMessageContaining("-Dflannel.verdict.skip=true");
    }

    @Test
    void aReportFromAnEarlierRunFails() throws Exception {
        Path file = write(
                new Runs().add("@vxlan @R-VXLAN-DEV-01 @must", Outcome.PASSED).run("2030-01-01T00:00:00Z"));
        assertThat(VerdictCheck.check(file, false, Instant.parse("2029-12-31T23:59:00Z")))
                .isNotEmpty();
        assertThatThrownBy(() -> VerdictCheck.check(file, false, Instant.parse("2030-01-01T00:00:01Z")))
                .hasMessageContaining("is from an earlier run");
    }

    @Test
    void aConfigurationErrorFails() throws Exception {
        ConformanceRun run =
                new Runs().add("@vxlan @R-VXLAN-DEV-01 @must", Outcome.PASSED).run();
        Path file = write(new ConformanceRun(
                run.format(),
                run.implementation(),
                run.topology(),
                run.declaredBackends(),
                false,
                null,
                run.started(),
                run.finished(),
                "-Dflannel.backends=geneve: unknown backend geneve",
                null,
                run.warnings(),
                run.requirements()));
        assertThatThrownBy(() -> VerdictCheck.check(file, false, null))
                .hasMessageContaining("CONFIGURATION ERROR: -Dflannel.backends=geneve");
    }

    @Test
    void mainTakesTheArgumentsMavenGivesIt() throws Exception {
        Path file = write(
                new Runs().add("@vxlan @R-VXLAN-FDB-01 @must", Outcome.FAILED).run());
        assertThatThrownBy(() -> VerdictCheck.main(
                        new String[] {"--report=" + file, "--strict=false", "--not-before=2029-01-01T00:00:00Z"}))
                .isInstanceOf(VerdictCheck.VerdictFailed.class)
                .hasMessageContaining("FAIL MUST R-VXLAN-FDB-01");
        VerdictCheck.main(new String[] {"--report=" + file, "--skip=false,true,false,false"});
        assertThatThrownBy(() -> VerdictCheck.main(new String[] {"--bogus"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
