package org.flannel.harness.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.flannel.harness.contracts.conformance.JsonReport;
import org.flannel.harness.contracts.conformance.Level;
import org.flannel.harness.contracts.conformance.Outcome;
import org.flannel.harness.contracts.conformance.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceResultsTest {
    @TempDir
    Path dir;

    @Test
    void failedRequirementIdsByLevel() throws Exception {
        Path file = dir.resolve("conformance.json");
        JsonReport.write(
                new Runs()
                        .add("@vxlan @R-VXLAN-FDB-01 @must", Outcome.FAILED)
                        .add("@vxlan @R-VXLAN-DEV-01 @must", Outcome.PASSED)
                        .add("@vxlan @R-VXLAN-MTU-01 @should", Outcome.FAILED)
                        .add("@udp @R-UDP-TUN-01 @must", Outcome.NOT_APPLICABLE)
                        .add("@vxlan", Outcome.FAILED)
                        .run(),
                file);

        ConformanceResults results = ConformanceResults.read(file);

        assertThat(results.failed(Level.MUST)).containsExactly("R-VXLAN-FDB-01");
        assertThat(results.failedByLevel())
                .containsEntry(Level.SHOULD, Set.of("R-VXLAN-MTU-01"))
                .containsEntry(Level.MAY, Set.of())
                .containsEntry(Level.UNTAGGED, Set.of("(none) vxlan/01-x.feature:50"));
        assertThat(results.failed()).hasSize(3);
        assertThat(results.verdicts())
                .containsEntry("R-UDP-TUN-01", Verdict.NOT_APPLICABLE)
                .containsEntry("R-VXLAN-DEV-01", Verdict.PASS);
    }
}
