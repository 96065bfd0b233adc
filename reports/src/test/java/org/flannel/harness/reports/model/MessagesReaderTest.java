package org.flannel.harness.reports.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flannel.harness.contracts.evidence.CheckVerdict;
import org.flannel.harness.contracts.evidence.EvidenceJson;
import org.flannel.harness.contracts.evidence.KernelTableEvidence;
import org.flannel.harness.contracts.evidence.TopologyEvidence;
import org.flannel.harness.reports.Fixtures;
import org.flannel.harness.reports.evidence.ScenarioEvidence;
import org.flannel.harness.reports.evidence.TopologyData;
import org.junit.jupiter.api.Test;

class MessagesReaderTest {

    @Test
    void readsTheFeaturesScenariosAndVerdictsOfARun() {
        Run run = Fixtures.run(Fixtures.PASSED);

        assertThat(run.scenarios()).hasSize(5).allSatisfy(s -> assertThat(s.status())
                .isEqualTo(Status.PASSED));
        assertThat(run.features())
                .extracting(Feature::path)
                .contains(
                        "vxlan/02-frame-format.feature",
                        "vxlan/03-seven-step-flow.feature",
                        "udp/01-udp-datapath.feature",
                        "host-gw/01-host-gw-routes.feature");
        assertThat(run.cucumber()).startsWith("cucumber-jvm");
        assertThat(run.started()).isNotNull();
        assertThat(run.finished()).isAfter(run.started());
    }

    @Test
    void aScenarioHasItsStepsWithKeywordsTablesAndTheFeaturesTags() {
        Scenario scenario = Fixtures.scenario(Fixtures.run(Fixtures.PASSED), Fixtures.FRAME_FORMAT);

        assertThat(scenario.tags()).contains("@vxlan");
        assertThat(scenario.backends()).containsExactly("vxlan");
        assertThat(scenario.featurePath()).isEqualTo("vxlan/02-frame-format.feature");
        assertThat(scenario.slug()).startsWith("vxlan-02-frame-format-the-echo-request");
        Step topology = scenario.steps().stream()
                .filter(s -> s.text().equals("a topology:"))
                .findFirst()
                .orElseThrow();
        assertThat(topology.keyword()).isEqualTo("Given");
        assertThat(topology.table().get(0)).containsExactly("host", "segment", "address");
        assertThat(scenario.steps().stream().filter(s -> !s.hook()))
                .allSatisfy(step -> assertThat(step.status()).isEqualTo(Status.PASSED));
    }

    @Test
    void everyStepAndAttachmentHasItsTimeAndEveryStepWhatGherkinMakesOfIt() {
        Scenario scenario = Fixtures.scenario(Fixtures.run(Fixtures.FAULTS), Fixtures.ETCD_OUTAGE);

        assertThat(scenario.started()).isNotNull();
        assertThat(scenario.finished()).isAfter(scenario.started());
        assertThat(scenario.steps()).allSatisfy(step -> {
            assertThat(step.started()).isNotNull().isAfterOrEqualTo(scenario.started());
            assertThat(step.finished()).isAfterOrEqualTo(step.started()).isBeforeOrEqualTo(scenario.finished());
        });
        Step wait = scenario.steps().stream()
                .filter(s -> s.text().equals("12 seconds pass"))
                .findFirst()
                .orElseThrow();
        assertThat(java.time.Duration.between(wait.started(), wait.finished()).toSeconds())
                .isEqualTo(12);
        assertThat(wait.type()).isEqualTo(Step.ACTION);
        Step check = scenario.steps().stream()
                .filter(s -> s.text().equals("flanneld on node2 is still running"))
                .findFirst()
                .orElseThrow();
        assertThat(check.keyword()).isEqualTo("And");
        assertThat(check.type()).isEqualTo(Step.OUTCOME);
        assertThat(check.isOutcome()).isTrue();
        assertThat(scenario.steps().stream().filter(Step::hook))
                .allSatisfy(hook -> assertThat(hook.type()).isEmpty());
        assertThat(scenario.attachments())
                .allSatisfy(
                        a -> assertThat(a.timestamp()).isNotNull().isBetween(scenario.started(), scenario.finished()));
    }

    @Test
    void binaryAttachmentsAreDecodedAndTextOnesKept() {
        Scenario scenario = Fixtures.scenario(Fixtures.run(Fixtures.PASSED), Fixtures.FRAME_FORMAT);

        Attachment pcap = scenario.attachments().stream()
                .filter(a -> a.name().equals("node1-eth0.pcap"))
                .findFirst()
                .orElseThrow();
        assertThat(pcap.isPcap()).isTrue();
        // A pcap file starts with its magic number, in either byte order.
        assertThat(pcap.body()).hasSizeGreaterThan(24);
        int magic = ((pcap.body()[0] & 0xff) << 24)
                | ((pcap.body()[1] & 0xff) << 16)
                | ((pcap.body()[2] & 0xff) << 8)
                | (pcap.body()[3] & 0xff);
        assertThat(magic).isIn(0xd4c3b2a1, 0xa1b2c3d4, 0x4d3cb2a1, 0xa1b23c4d);
        assertThat(scenario.attachments())
                .anySatisfy(a -> assertThat(a.name()).isEqualTo("flanneld on node1 (under test).log"));
    }

    @Test
    void aFailedStepMakesTheScenarioFailedWithItsMessage() {
        Scenario scenario = Fixtures.scenario(Fixtures.run(Fixtures.FAILED), Fixtures.FRAME_FORMAT);

        assertThat(scenario.status()).isEqualTo(Status.FAILED);
        assertThat(scenario.failureMessage())
                .hasValueSatisfying(m -> assertThat(m).contains("vxlan.vni"));
        assertThat(scenario.steps()).anySatisfy(s -> assertThat(s.status()).isEqualTo(Status.SKIPPED));
    }

    @Test
    void aRunCutShortKeepsWhatCameBefore() throws IOException {
        String text =
                "{\"meta\":{\"implementation\":{\"name\":\"cucumber-jvm\",\"version\":\"7\"}}}\n{\"testRunStarted\":{\"timestamp\":"
                        + "{\"seconds\":1,\"nanos\":0}}}\n{\"gherkinDocument\":{\"uri\":\"classpath:features/x.feature\",\"feature\":{\"na";
        Run run = MessagesReader.read(new StringReader(text));

        assertThat(run.scenarios()).isEmpty();
        assertThat(run.finished()).isNull();
        assertThat(run.status()).isEqualTo(Status.NOT_RUN);
    }

    /** What a step attaches (contracts' records, as EvidenceJson writes them) comes back equal through the messages. */
    @Test
    void evidenceAttachedAsTheStepsWriteItIsReadBackEqual() throws IOException {
        KernelTableEvidence table = new KernelTableEvidence(
                "node1",
                "ip neigh show dev flannel.1",
                CheckVerdict.FAILED,
                List.of("address", "lladdr", "state"),
                List.of(new KernelTableEvidence.ExpectedRow(
                        List.of("10.1.16.0", "c6:e5:8d:65:c3:44", "PERMANENT"),
                        List.of("10.1.16.0", "node2.vtep.mac", "PERMANENT"),
                        false)),
                List.of(List.of("10.1.17.0", "c6:e5:8d:65:c3:45", "PERMANENT")));
        TopologyEvidence topology = new TopologyEvidence(
                List.of(new TopologyEvidence.Segment("underlay", "10.168.0.0/24")),
                List.of(new TopologyEvidence.Host(
                        "node1",
                        Optional.empty(),
                        List.of(new TopologyEvidence.Interface("eth0", "underlay", "10.168.0.2")))),
                List.of(),
                Optional.of(new TopologyEvidence.Etcd("etcd", "underlay", "10.168.0.10")));
        ObjectMapper json = new ObjectMapper();
        StringBuilder messages = new StringBuilder();
        for (Object envelope : List.of(
                Map.of(
                        "pickle",
                        Map.of(
                                "id",
                                "p1",
                                "uri",
                                "classpath:features/vxlan/01-node-state.feature",
                                "name",
                                "node1's neighbour",
                                "tags",
                                List.of(),
                                "astNodeIds",
                                List.of(),
                                "steps",
                                List.of())),
                Map.of("testCase", Map.of("id", "t1", "pickleId", "p1", "testSteps", List.of())),
                Map.of("testCaseStarted", Map.of("id", "s1", "testCaseId", "t1")),
                attachment(EvidenceJson.write(table), "ip neigh show dev flannel.1 on node1.json"),
                attachment(EvidenceJson.write(topology), "topology.json"))) {
            messages.append(json.writeValueAsString(envelope)).append('\n');
        }

        Scenario scenario = MessagesReader.read(new StringReader(messages.toString()))
                .scenarios()
                .get(0);
        ScenarioEvidence evidence = ScenarioEvidence.of(scenario);

        assertThat(evidence.kernelTables()).containsExactly(table);
        assertThat(evidence.topology()).hasValueSatisfying(read -> {
            assertThat(read.nodes()).singleElement().satisfies(node -> assertThat(node.on("underlay"))
                    .hasValue(new TopologyData.Interface("eth0", "underlay", "10.168.0.2")));
            assertThat(read.etcd())
                    .hasValueSatisfying(etcd -> assertThat(etcd.on("underlay")).isPresent());
        });
    }

    private static Map<String, Object> attachment(String body, String name) {
        return Map.of(
                "attachment",
                Map.of(
                        "body",
                        body,
                        "contentEncoding",
                        "IDENTITY",
                        "fileName",
                        name,
                        "mediaType",
                        EvidenceJson.MEDIA_TYPE,
                        "testCaseStartedId",
                        "s1"));
    }

    @Test
    void requirementTagsLevelsAndSourceLinesAreReadWhenPresent() {
        Scenario scenario = new Scenario(
                "1",
                "s",
                "classpath:features/interop/01-x.feature",
                "x",
                "Some words.\nSource: seed #vxlan-flow-3",
                List.of("@vxlan", "@R-VXLAN-FLOW-03", "@must", "@interop", "@R-bad-1"),
                Scenario.Written.at("x", 3),
                Status.PASSED,
                List.of(),
                List.of());

        assertThat(scenario.requirementIds()).containsExactly("R-VXLAN-FLOW-03");
        assertThat(scenario.level()).hasValue("must");
        assertThat(scenario.source()).hasValue("seed #vxlan-flow-3");
        assertThat(scenario.isInterop()).isTrue();
    }
}
