package org.flannel.harness.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesReaderTest {

    @Test
    void readsTheFeaturesScenariosAndVerdictsOfARun() {
        Run run = Fixtures.run(Fixtures.PASSED);

        assertThat(run.scenarios()).hasSize(5).allSatisfy(s -> assertThat(s.status()).isEqualTo(Status.PASSED));
        assertThat(run.features()).extracting(Feature::path).contains("vxlan/02-frame-format.feature",
                "vxlan/03-seven-step-flow.feature", "udp/01-udp-datapath.feature", "host-gw/01-host-gw-routes.feature");
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
        Step topology = scenario.steps().stream().filter(s -> s.text().equals("a topology:")).findFirst().orElseThrow();
        assertThat(topology.keyword()).isEqualTo("Given");
        assertThat(topology.table().get(0)).containsExactly("host", "segment", "address");
        assertThat(scenario.steps().stream().filter(s -> !s.hook()))
                .allSatisfy(step -> assertThat(step.status()).isEqualTo(Status.PASSED));
    }

    @Test
    void binaryAttachmentsAreDecodedAndTextOnesKept() {
        Scenario scenario = Fixtures.scenario(Fixtures.run(Fixtures.PASSED), Fixtures.FRAME_FORMAT);

        Attachment pcap = scenario.attachments().stream().filter(a -> a.name().equals("node1-eth0.pcap")).findFirst()
                .orElseThrow();
        assertThat(pcap.isPcap()).isTrue();
        // A pcap file starts with its magic number, in either byte order.
        assertThat(pcap.body()).hasSizeGreaterThan(24);
        int magic = ((pcap.body()[0] & 0xff) << 24) | ((pcap.body()[1] & 0xff) << 16) | ((pcap.body()[2] & 0xff) << 8)
                | (pcap.body()[3] & 0xff);
        assertThat(magic).isIn(0xd4c3b2a1, 0xa1b2c3d4, 0x4d3cb2a1, 0xa1b23c4d);
        assertThat(scenario.attachments()).anySatisfy(a -> assertThat(a.name()).isEqualTo("flanneld on node1 (under test).log"));
    }

    @Test
    void aFailedStepMakesTheScenarioFailedWithItsMessage() {
        Scenario scenario = Fixtures.scenario(Fixtures.run(Fixtures.FAILED), Fixtures.FRAME_FORMAT);

        assertThat(scenario.status()).isEqualTo(Status.FAILED);
        assertThat(scenario.failureMessage()).hasValueSatisfying(m -> assertThat(m).contains("vxlan.vni"));
        assertThat(scenario.steps()).anySatisfy(s -> assertThat(s.status()).isEqualTo(Status.SKIPPED));
    }

    @Test
    void aRunCutShortKeepsWhatCameBefore() throws IOException {
        String text = "{\"meta\":{\"implementation\":{\"name\":\"cucumber-jvm\",\"version\":\"7\"}}}\n{\"testRunStarted\":{\"timestamp\":"
                + "{\"seconds\":1,\"nanos\":0}}}\n{\"gherkinDocument\":{\"uri\":\"classpath:features/x.feature\",\"feature\":{\"na";
        Run run = MessagesReader.read(new StringReader(text));

        assertThat(run.scenarios()).isEmpty();
        assertThat(run.finished()).isNull();
        assertThat(run.status()).isEqualTo(Status.NOT_RUN);
    }

    @Test
    void requirementTagsLevelsAndSourceLinesAreReadWhenPresent() {
        Scenario scenario = new Scenario("1", "s", "classpath:features/interop/01-x.feature", "x",
                "Some words.\nSource: seed #vxlan-flow-3", List.of("@vxlan", "@R-VXLAN-FLOW-03", "@must", "@interop",
                "@R-bad-1"), 3, Status.PASSED, List.of(), List.of());

        assertThat(scenario.requirementIds()).containsExactly("R-VXLAN-FLOW-03");
        assertThat(scenario.level()).hasValue("must");
        assertThat(scenario.source()).hasValue("seed #vxlan-flow-3");
        assertThat(scenario.isInterop()).isTrue();
    }
}
