package org.flannel.harness.contracts.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every kind of evidence survives the way from the steps to the reports: written, then read back equal. */
class EvidenceJsonTest {
    private static final DecodedFrame FRAME = new DecodedFrame(
            3,
            "2026-11-27T21:47:09.080558Z",
            1,
            "EN10MB",
            18,
            98,
            "#3 98 bytes 10.1.15.2 → 10.1.16.3 icmp",
            "063f0001f161eed064baa4ca08004500",
            List.of(
                    new DecodedFrame.Layer(
                            "ethernet",
                            "ethernet",
                            0,
                            List.of(
                                    new DecodedFrame.Field(
                                            "ethernet.destination",
                                            "06:3f:00:01:f1:61",
                                            "MAC",
                                            0,
                                            0,
                                            48,
                                            FieldVerdict.PASSED,
                                            "node2.eth0.mac = 06:3f:00:01:f1:61",
                                            Optional.of(JudgedBy.TABLE)),
                                    new DecodedFrame.Field(
                                            "ethernet.ethertype",
                                            "0x0800",
                                            "HEX",
                                            12,
                                            0,
                                            16,
                                            FieldVerdict.UNCHECKED,
                                            "",
                                            Optional.empty()))),
                    new DecodedFrame.Layer(
                            "ipv4",
                            "ipv4",
                            14,
                            List.of(new DecodedFrame.Field(
                                    "ipv4.version",
                                    "4",
                                    "NUMBER",
                                    14,
                                    0,
                                    4,
                                    FieldVerdict.UNVERIFIABLE,
                                    "= 4: 4",
                                    Optional.of(JudgedBy.RULE))))),
            List.of(new DecodedFrame.RuleResult("ipv4.version", "= 4", "4", "4", RuleVerdict.PASS)));

    private static <T extends Evidence> T roundTrip(T evidence) throws IOException {
        String json = EvidenceJson.write(evidence);
        return (T) EvidenceJson.read(json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    private static JsonNode tree(Evidence evidence) throws IOException {
        return new ObjectMapper().readTree(EvidenceJson.write(evidence));
    }

    @Test
    void aFrameMatchComesBackEqual() throws IOException {
        FrameMatchEvidence match = new FrameMatchEvidence(
                "node1:eth0",
                CheckVerdict.FAILED,
                4,
                List.of(
                        new FrameMatchEvidence.Row(
                                "ethernet",
                                "destination",
                                "node2.eth0.mac",
                                "ethernet.destination",
                                "node2.eth0.mac = 06:3f:00:01:f1:61",
                                "06:3f:00:01:f1:61",
                                true),
                        new FrameMatchEvidence.Row("vxlan", "vni", "1", "vxlan.vni", "1", "2", false)),
                List.of(new FrameMatchEvidence.RuleViolation("ipv4.header_checksum", "0x02e9 (computed)", "0x0000")),
                false,
                Optional.of(FRAME));

        assertThat(roundTrip(match)).isEqualTo(match);
        assertThat(roundTrip(match).frame().orElseThrow().bytes()).hasSize(16).startsWith(0x06, 0x3f);
    }

    @Test
    void aFrameMatchWithNothingCapturedComesBackEqual() throws IOException {
        FrameMatchEvidence nothing = new FrameMatchEvidence(
                "node2:eth0",
                CheckVerdict.FAILED,
                0,
                List.of(new FrameMatchEvidence.Row("vxlan", "vni", "1", "vxlan.vni", "1", "", false)),
                List.of(),
                false,
                Optional.empty());

        assertThat(roundTrip(nothing)).isEqualTo(nothing);
        assertThat(tree(nothing).has("frame")).isFalse();
    }

    @Test
    void aHopTraceComesBackEqualWithItsColumnsInOrder() throws IOException {
        Map<String, HopTraceEvidence.Cell> row = new LinkedHashMap<>();
        row.put("headers", new HopTraceEvidence.Cell("ethernet ipv4 icmp", "ethernet ipv4 icmp"));
        row.put("ethernet destination", new HopTraceEvidence.Cell("node1.docker0.mac", "ee:d0:64:ba:a4:ca"));
        row.put("packet ttl", new HopTraceEvidence.Cell("64", "64"));
        HopTraceEvidence trace = new HopTraceEvidence(
                "echo request",
                "container-1",
                "container-2",
                List.of(
                        new HopTraceEvidence.Hop(
                                "container-1:eth0",
                                row,
                                2,
                                CheckVerdict.PASSED,
                                List.of(),
                                "ethernet ipv4 icmp",
                                Optional.of(FRAME)),
                        new HopTraceEvidence.Hop(
                                "node2:eth0",
                                row,
                                0,
                                CheckVerdict.FAILED,
                                List.of("no such packet captured"),
                                "",
                                Optional.empty())),
                CheckVerdict.FAILED);

        HopTraceEvidence back = roundTrip(trace);

        assertThat(back).isEqualTo(trace);
        assertThat(back.hops().get(0).expected().keySet())
                .containsExactly("headers", "ethernet destination", "packet ttl");
        assertThat(back.hops().get(1).host()).isEqualTo("node2");
    }

    @Test
    void aKernelTableComesBackEqual() throws IOException {
        KernelTableEvidence table = new KernelTableEvidence(
                "node1",
                "ip neigh show dev flannel.1",
                CheckVerdict.PASSED,
                List.of("address", "lladdr", "state"),
                List.of(new KernelTableEvidence.ExpectedRow(
                        List.of("10.1.16.0", "c6:e5:8d:65:c3:44", "PERMANENT"),
                        List.of("10.1.16.0", "node2.vtep.mac", "PERMANENT"),
                        true)),
                List.of(List.of("10.1.16.0", "c6:e5:8d:65:c3:44", "PERMANENT")));

        assertThat(roundTrip(table)).isEqualTo(table);
        assertThat(table.expects(List.of("10.1.16.0", "c6:e5:8d:65:c3:44", "PERMANENT")))
                .isTrue();
    }

    @Test
    void aTopologyComesBackEqual() throws IOException {
        TopologyEvidence topology = new TopologyEvidence(
                List.of(
                        new TopologyEvidence.Segment("underlay", "10.168.0.0/24"),
                        new TopologyEvidence.Segment("far", "10.168.1.0/24")),
                List.of(
                        new TopologyEvidence.Host(
                                "node1",
                                Optional.empty(),
                                List.of(new TopologyEvidence.Interface("eth0", "underlay", "10.168.0.2"))),
                        new TopologyEvidence.Host(
                                "node2",
                                Optional.of("10.168.1.1"),
                                List.of(new TopologyEvidence.Interface("eth0", "far", "10.168.1.3")))),
                List.of(new TopologyEvidence.Host(
                        "router1",
                        Optional.empty(),
                        List.of(
                                new TopologyEvidence.Interface("eth0", "underlay", "10.168.0.1"),
                                new TopologyEvidence.Interface("eth1", "far", "10.168.1.1")))),
                Optional.of(new TopologyEvidence.Etcd("etcd", "underlay", "10.168.0.10")));

        assertThat(roundTrip(topology)).isEqualTo(topology);
    }

    @Test
    void aPingSeriesComesBackEqualWithItsLostAndInFlightRequests() throws IOException {
        PingSeriesEvidence series = new PingSeriesEvidence(
                "container-1",
                "10.1.16.3",
                200,
                Optional.of("2026-11-27T21:47:09.000Z"),
                Optional.of("2026-11-27T21:47:10.300Z"),
                3,
                Optional.of(0),
                Optional.of(CheckVerdict.FAILED),
                List.of(
                        new PingSeriesEvidence.Request(
                                1, true, Optional.of("2026-11-27T21:47:09.001Z"), Optional.of(0.21)),
                        new PingSeriesEvidence.Request(
                                2, false, Optional.of("2026-11-27T21:47:09.201Z"), Optional.empty()),
                        new PingSeriesEvidence.Request(3, true, Optional.empty(), Optional.of(1200.0)),
                        new PingSeriesEvidence.Request(4, false, Optional.empty(), Optional.empty())));

        PingSeriesEvidence back = roundTrip(series);

        assertThat(back).isEqualTo(series);
        assertThat(back.lost()).containsExactly(2);
        assertThat(back.inFlight(back.requests().get(3))).isTrue();
        assertThat(back.requests().get(1).sentAt()).contains(java.time.Instant.parse("2026-11-27T21:47:09.201Z"));
        JsonNode json = tree(series);
        assertThat(json.path("kind").asText()).isEqualTo("ping-series");
        assertThat(json.path("verdict").asText()).isEqualTo("failed");
        assertThat(json.has("lost")).isFalse();
        assertThat(json.path("requests").get(2).has("sent")).isFalse();
    }

    @Test
    void aPingSeriesNoStepJudgedHasNoVerdict() throws IOException {
        PingSeriesEvidence unjudged = new PingSeriesEvidence(
                "container-1",
                "10.1.16.3",
                200,
                Optional.empty(),
                Optional.empty(),
                0,
                Optional.empty(),
                Optional.empty(),
                List.of());

        assertThat(roundTrip(unjudged)).isEqualTo(unjudged);
        assertThat(tree(unjudged).has("verdict")).isFalse();
    }

    @Test
    void theJsonNamesItsKindAndKeepsTheShapeTheSitesOfEarlierRunsHave() throws IOException {
        FrameMatchEvidence match = new FrameMatchEvidence(
                "node1:eth0", CheckVerdict.PASSED, 1, List.of(), List.of(), true, Optional.of(FRAME));
        JsonNode json = tree(match);

        assertThat(json.path("kind").asText()).isEqualTo("frame-match");
        assertThat(json.path("verdict").asText()).isEqualTo("passed");
        JsonNode frame = json.path("frame");
        assertThat(frame.path("bytes").asText()).isEqualTo("063f0001f161eed064baa4ca08004500");
        assertThat(frame.has("hexBytes")).isFalse();
        JsonNode judged = frame.path("layers").get(0).path("fields").get(0);
        assertThat(judged.path("verdict").asText()).isEqualTo("passed");
        assertThat(judged.path("judgedBy").asText()).isEqualTo("table");
        JsonNode unchecked = frame.path("layers").get(0).path("fields").get(1);
        assertThat(unchecked.path("verdict").asText()).isEqualTo("unchecked");
        assertThat(unchecked.has("expected")).isFalse();
        assertThat(unchecked.has("judgedBy")).isFalse();
        assertThat(frame.path("rules").get(0).path("verdict").asText()).isEqualTo("pass");
        assertThat(tree(new KernelTableEvidence(
                                "node1", "route -n", CheckVerdict.FAILED, List.of(), List.of(), List.of()))
                        .path("kind")
                        .asText())
                .isEqualTo("kernel-table");
    }

    @Test
    void evidenceWrittenBeforeTheRecordsIsRead() throws IOException {
        // As the steps wrote it by hand: a row without a frame to judge it against has no value, actual or ok.
        String json = """
                {"kind":"frame-match","point":"node1:eth0","verdict":"failed","framesCaptured":0,
                 "rows":[{"layer":"vxlan","field":"vni","expected":"1","fieldName":"vxlan.vni"}]}
                """;

        FrameMatchEvidence match = (FrameMatchEvidence)
                EvidenceJson.read(json.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(match.rows())
                .singleElement()
                .isEqualTo(new FrameMatchEvidence.Row("vxlan", "vni", "1", "vxlan.vni", "1", "", false));
        assertThat(match.frame()).isEmpty();
    }

    @Test
    void aBlankCellOfTheFeaturesTableIsAnEmptyText() throws IOException {
        // Cucumber gives a blank table cell as null; the steps wrote it so.
        String json = """
                {"kind":"kernel-table","node":"node1","command":"route -n","verdict":"passed",
                 "columns":["Destination","Options"],
                 "expected":[{"cells":["10.1.16.0",""],"written":["10.1.16.0",null],"found":true}],
                 "actual":[["10.1.16.0",null]]}
                """;

        KernelTableEvidence table = (KernelTableEvidence)
                EvidenceJson.read(json.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(table.expected().get(0).written()).containsExactly("10.1.16.0", "");
        assertThat(table.actual()).containsExactly(List.of("10.1.16.0", ""));
        assertThat(new KernelTableEvidence.ExpectedRow(java.util.Arrays.asList("a", null), List.of(), false).cells())
                .containsExactly("a", "");
    }

    @Test
    void aFieldTheRecordsDoNotKnowFailsTheRead() {
        String renamed = """
                {"kind":"kernel-table","host":"node1","command":"route -n","verdict":"passed","columns":[],
                 "expected":[],"actual":[]}
                """;

        assertThatThrownBy(() -> EvidenceJson.read(renamed.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("host");
    }

    @Test
    void jsonOfAnotherKindIsNotEvidence() throws IOException {
        assertThat(EvidenceJson.read("{\"kind\":\"something-else\",\"x\":1}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(EvidenceJson.read("[1, 2]".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThatThrownBy(() -> EvidenceJson.read("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }
}
