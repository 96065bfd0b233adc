package org.flannel.harness.contracts.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {
    @TempDir
    Path dir;

    private final List<PickleObservation> pickles = new ArrayList<>();

    /** One pickle per requirement, ten lines apart, as the plugin records it. */
    private void add(String tags, Outcome outcome, String failure) {
        int line = 10 * (pickles.size() + 1);
        String title = "scenario " + tags;
        pickles.add(new PickleObservation(
                RequirementTags.parse(List.of(tags.split(" "))),
                line,
                title,
                "seed §1",
                new PickleResult(
                        title,
                        "classpath:features/vxlan/01-x.feature",
                        line,
                        outcome,
                        1234,
                        outcome.failing() ? "Then it holds  (line " + (line + 2) + ")" : null,
                        failure,
                        outcome == Outcome.NOT_APPLICABLE ? "not applicable: needs backend udp" : null,
                        List.of("node1 kernel state.txt"))));
    }

    private void add(String tags, Outcome outcome) {
        add(tags, outcome, outcome.failing() ? "diff for " + tags : null);
    }

    private ConformanceRun run() {
        List<String> warnings = new ArrayList<>();
        return new ConformanceRun(
                ConformanceRun.FORMAT,
                "/opt/judged/flanneld",
                "netns",
                List.of("vxlan"),
                false,
                null,
                "2029-12-31T23:00:00Z",
                "2030-01-01T00:00:00Z",
                null,
                null,
                warnings,
                Requirements.aggregate(pickles, warnings));
    }

    @Test
    void theShapeIsWhatMachinesRead() throws Exception {
        add("@vxlan @R-VXLAN-FDB-01 @must", Outcome.FAILED, "field  expected  actual\nvni    1         2");
        add("@udp @R-UDP-TUN-01 @must", Outcome.NOT_APPLICABLE);
        add("@vxlan @R-VXLAN-MTU-01 @should", Outcome.PASSED);
        ConformanceRun run = run();
        Path file = dir.resolve("sub/conformance.json");
        JsonReport.write(run, file);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.path("format").asText()).isEqualTo("flannel-conformance/1");
        assertThat(json.path("implementation").asText()).isEqualTo("/opt/judged/flanneld");
        assertThat(json.path("topology").asText()).isEqualTo("netns");
        assertThat(json.path("declaredBackends").toString()).isEqualTo("[\"vxlan\"]");
        assertThat(json.path("strict").isBoolean()).isTrue();
        assertThat(json.path("finished").asText()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(json.path("totals").fieldNames()).toIterable().containsExactly("must", "should", "may", "untagged");
        JsonNode must = json.path("totals").path("must");
        assertThat(must.path("pass").asInt()).isZero();
        assertThat(must.path("fail").asInt()).isEqualTo(1);
        assertThat(must.path("n/a").asInt()).isEqualTo(1);
        assertThat(must.path("skipped").asInt()).isZero();
        assertThat(must.path("total").asInt()).isEqualTo(2);

        JsonNode fdb = json.path("requirements").get(0);
        assertThat(fdb.path("id").asText()).isEqualTo("R-VXLAN-FDB-01");
        assertThat(fdb.path("level").asText()).isEqualTo("must");
        assertThat(fdb.path("backends").toString()).isEqualTo("[\"vxlan\"]");
        assertThat(fdb.path("title").asText()).isEqualTo("scenario @vxlan @R-VXLAN-FDB-01 @must");
        assertThat(fdb.path("source").asText()).isEqualTo("seed §1");
        assertThat(fdb.path("verdict").asText()).isEqualTo("fail");
        JsonNode pickle = fdb.path("pickles").get(0);
        assertThat(pickle.path("status").asText()).isEqualTo("failed");
        assertThat(pickle.path("failure").asText()).isEqualTo("field  expected  actual\nvni    1         2");
        assertThat(pickle.path("failedStep").asText()).startsWith("Then it holds");
        assertThat(pickle.path("durationMillis").asLong()).isEqualTo(1234);
        assertThat(pickle.path("attachments").toString()).isEqualTo("[\"node1 kernel state.txt\"]");
        assertThat(json.path("requirements").get(1).path("verdict").asText()).isEqualTo("n/a");
        assertThat(json.path("requirements")
                        .get(1)
                        .path("pickles")
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("n/a");
        assertThat(json.path("requirements").get(1).path("pickles").get(0).has("failure"))
                .isFalse();
    }

    @Test
    void itReadsBackWhatItWrote() throws Exception {
        add("@vxlan @R-VXLAN-FDB-01 @must", Outcome.FAILED);
        add("@vxlan", Outcome.PASSED);
        add("@R-X-01 @may", Outcome.SKIPPED);
        ConformanceRun run = run();
        Path file = dir.resolve("conformance.json");
        JsonReport.write(run, file);
        assertThat(JsonReport.read(file)).isEqualTo(run);
        assertThat(dir.resolve("conformance.json.partial")).doesNotExist();
    }
}
