package org.flannel.harness.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flannel.harness.contracts.conformance.JsonReport;
import org.flannel.harness.contracts.conformance.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllRunsTest {
    @TempDir
    Path reports;

    @Test
    void theRunsBesideEachOtherShareOnePage() throws Exception {
        JsonReport.write(
                new Runs().add("@vxlan @R-VXLAN-FDB-01 @must", Outcome.PASSED).run(),
                reports.resolve("cucumber").resolve(JsonReport.FILE_NAME));
        JsonReport.write(
                new Runs()
                        .add("@vxlan @R-VXLAN-FDB-01 @must", Outcome.FAILED, "no fdb entry")
                        .run("2030-01-02T00:00:00Z"),
                reports.resolve("cucumber-flannel").resolve(JsonReport.FILE_NAME));
        Files.createDirectories(reports.resolve("cucumber-docker")); // a run that wrote no report yet
        Files.createDirectories(reports.resolve("site"));
        Files.copy(
                reports.resolve("cucumber").resolve(JsonReport.FILE_NAME), // a copy is not another run
                reports.resolve("site").resolve(JsonReport.FILE_NAME));
        Files.createDirectories(reports.resolve("notes"));
        Files.writeString(reports.resolve("notes").resolve(JsonReport.FILE_NAME), "not json"); // skipped, not fatal

        Path page = AllRuns.update(reports);

        assertThat(page).isEqualTo(reports.resolve(AllRuns.FILE_NAME));
        String html = Files.readString(page);
        assertThat(html).containsOnlyOnce("R-VXLAN-FDB-01</td>").contains("no fdb entry");
        assertThat(html.split("<th title=", -1))
                .as("one column per run, the copy not counted")
                .hasSize(3);
    }

    @Test
    void theSelfTestsFigureHeadsItsPage() throws Exception {
        JsonReport.write(
                new Runs().add("@vxlan @R-VXLAN-FDB-01 @must", Outcome.PASSED).run(),
                reports.resolve("shell-flanneld").resolve(JsonReport.FILE_NAME));
        JsonReport.write(
                new Runs().add("@vxlan @R-VXLAN-FDB-01 @must", Outcome.FAILED).run("2030-01-02T00:00:00Z"),
                reports.resolve("missing-fdb").resolve(JsonReport.FILE_NAME));
        assertThat(Files.readString(AllRuns.update(reports))).doesNotContain("shown able to fail");

        Files.writeString(
                reports.resolve(AllRuns.SHOWN_ABLE_TO_FAIL),
                "{\"shown\": 43, \"total\": 44, \"neverFailed\": [\"R-UDP-MTU-01\"]}");
        assertThat(Files.readString(AllRuns.update(reports)))
                .contains("Requirements shown able to fail (failed by some broken variant, as expected): 43 of 44")
                .contains("R-UDP-MTU-01");
    }

    @Test
    void oneRunAloneMakesNoPage() throws Exception {
        JsonReport.write(
                new Runs().add("@vxlan @R-VXLAN-FDB-01 @must", Outcome.PASSED).run(),
                reports.resolve("cucumber").resolve(JsonReport.FILE_NAME));

        assertThat(AllRuns.update(reports)).isNull();
        assertThat(reports.resolve(AllRuns.FILE_NAME)).doesNotExist();
    }
}
