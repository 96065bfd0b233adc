package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flannel.harness.contracts.evidence.CheckVerdict;
import org.flannel.harness.contracts.evidence.DecodedFrame;
import org.flannel.harness.contracts.evidence.Evidence;
import org.flannel.harness.contracts.evidence.EvidenceJson;
import org.flannel.harness.contracts.evidence.FieldVerdict;
import org.flannel.harness.contracts.evidence.FrameMatchEvidence;
import org.flannel.harness.contracts.evidence.HopTraceEvidence;
import org.flannel.harness.contracts.evidence.JudgedBy;
import org.flannel.harness.contracts.evidence.KernelTableEvidence;
import org.flannel.harness.contracts.evidence.TopologyEvidence;
import org.flannel.harness.expect.ExpectationRow;
import org.flannel.harness.expect.FrameMatcher;
import org.flannel.harness.expect.MatchResult;
import org.flannel.harness.expect.Symbols;
import org.flannel.harness.topology.TopologySpec;
import org.flannel.harness.wire.Frame;
import org.flannel.harness.wire.FrameDecoder;
import org.flannel.harness.wire.LinkTypes;
import org.flannel.harness.wire.Packets;
import org.junit.jupiter.api.Test;

/** The evidence the steps attach, from the wire model to contracts' records, and as JSON back to equal records. */
class JsonEvidenceTest {
    private static final Symbols TOPOLOGY = Symbols.of(Map.of("node2.vtep.mac", Packets.NODE2_VTEP_MAC));

    private final FrameDecoder decoder = new FrameDecoder();

    private Frame vxlanPing() {
        byte[] bytes = Packets.vxlanPing();
        return decoder.decode(0, Instant.EPOCH, LinkTypes.ETHERNET, bytes, bytes.length);
    }

    private static Evidence readBack(Evidence evidence) throws IOException {
        return EvidenceJson.read(EvidenceJson.write(evidence).getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
    }

    @Test
    void aFailedHeaderTableKeepsEachRowsVerdictAndTheFieldsOfTheFrameJudged() throws IOException {
        List<ExpectationRow> rows = List.of(
                ExpectationRow.of("vxlan", "vni", "2"),
                ExpectationRow.of("inner ethernet", "destination", "node2.vtep.mac"));
        MatchResult result = new FrameMatcher(TOPOLOGY).match(List.of(vxlanPing()), rows);

        FrameMatchEvidence match = JsonEvidence.frameMatch("node1:eth0", rows, result);

        assertThat(match.verdict()).isEqualTo(CheckVerdict.FAILED);
        assertThat(match.rows()).extracting(FrameMatchEvidence.Row::ok).containsExactly(false, true);
        assertThat(match.row("vxlan.vni"))
                .hasValueSatisfying(row -> assertThat(row.actual()).isEqualTo("1"));
        DecodedFrame frame = match.frame().orElseThrow();
        DecodedFrame.Field vni =
                frame.layer("vxlan").flatMap(layer -> layer.field("vni")).orElseThrow();
        assertThat(vni.verdict()).isEqualTo(FieldVerdict.FAILED);
        assertThat(vni.judgedBy()).hasValue(JudgedBy.TABLE);
        DecodedFrame.Field checksum = frame.layer("outer.ipv4")
                .flatMap(l -> l.field("header_checksum"))
                .orElseThrow();
        assertThat(checksum.verdict()).isEqualTo(FieldVerdict.PASSED);
        assertThat(checksum.judgedBy()).hasValue(JudgedBy.RULE);
        assertThat(frame.layer("inner.icmp")
                        .flatMap(l -> l.field("identifier"))
                        .orElseThrow()
                        .verdict())
                .isEqualTo(FieldVerdict.UNCHECKED);
        assertThat(frame.bytes()).isEqualTo(Packets.vxlanPing());
        assertThat(readBack(match)).isEqualTo(match);
    }

    @Test
    void aTableJudgedOnNoFrameHasRowsThatAreNotMet() throws IOException {
        List<ExpectationRow> rows = List.of(ExpectationRow.of("vxlan", "vni", "1"));
        FrameMatchEvidence nothing =
                JsonEvidence.frameMatch("node2:eth0", rows, new FrameMatcher(TOPOLOGY).match(List.of(), rows));

        assertThat(nothing.frame()).isEmpty();
        assertThat(nothing.rows()).singleElement().satisfies(row -> {
            assertThat(row.ok()).isFalse();
            assertThat(row.actual()).isEmpty();
            assertThat(row.expectedValue()).isEqualTo("1");
        });
        assertThat(readBack(nothing)).isEqualTo(nothing);
    }

    @Test
    void aHopTraceFailsWhenOneHopDoes() throws IOException {
        HopEvidence evidence = new HopEvidence(EchoPackets.ECHO_REQUEST, "container-1", "container-2");
        Map<String, String> row = new LinkedHashMap<>();
        row.put("hop", "node1:eth0");
        row.put("ethernet destination", "node2.vtep.mac");
        row.put("vni", "");
        evidence.hop(row, TOPOLOGY, Optional.of(vxlanPing()), 3, List.of());
        row.put("hop", "node2:eth0");
        evidence.hop(row, TOPOLOGY, Optional.empty(), 0, List.of("no such packet captured"));

        HopTraceEvidence trace = evidence.trace();

        assertThat(trace.packet()).isEqualTo("echo request");
        assertThat(trace.verdict()).isEqualTo(CheckVerdict.FAILED);
        assertThat(trace.hops())
                .extracting(HopTraceEvidence.Hop::verdict)
                .containsExactly(CheckVerdict.PASSED, CheckVerdict.FAILED);
        HopTraceEvidence.Hop first = trace.hops().get(0);
        assertThat(first.expected()).containsOnlyKeys("ethernet destination", "vni");
        assertThat(first.expected("ethernet destination")).isEqualTo(Packets.NODE2_VTEP_MAC);
        assertThat(first.expected().get("vni").value()).isEmpty();
        assertThat(first.headers()).contains("vxlan");
        assertThat(trace.hops().get(1).frame()).isEmpty();
        assertThat(readBack(trace)).isEqualTo(trace);
    }

    @Test
    void aKernelTableMarksTheExpectedRowsTheNodeHas() throws IOException {
        KernelTableEvidence table = JsonEvidence.kernelTable(
                "node1",
                "ip neigh show dev flannel.1",
                List.of("address", "lladdr", "state"),
                List.of(List.of("10.1.16.0", "node2.vtep.mac", "PERMANENT")),
                List.of(
                        List.of("10.1.16.0", Packets.NODE2_VTEP_MAC, "PERMANENT"),
                        List.of("10.1.17.0", "aa:bb:cc:dd:ee:ff", "PERMANENT")),
                List.of(List.of("10.1.16.0", Packets.NODE2_VTEP_MAC, "PERMANENT")),
                CheckVerdict.FAILED);

        assertThat(table.expected())
                .extracting(KernelTableEvidence.ExpectedRow::found)
                .containsExactly(true, false);
        assertThat(table.expected().get(0).written()).containsExactly("10.1.16.0", "node2.vtep.mac", "PERMANENT");
        assertThat(table.expected().get(1).written())
                .isEqualTo(table.expected().get(1).cells());
        assertThat(readBack(table)).isEqualTo(table);
    }

    @Test
    void aBlankCellAsCucumberGivesItIsKeptEmpty() throws IOException {
        // DataTable.asMaps() gives a blank cell as null.
        KernelTableEvidence table = JsonEvidence.kernelTable(
                "node1",
                "route -n",
                List.of("Destination", "Options"),
                List.of(Arrays.asList("10.1.16.0", null)),
                List.of(List.of("10.1.16.0", "")),
                List.of(List.of("10.1.16.0", "")),
                CheckVerdict.PASSED);

        assertThat(table.expected()).singleElement().satisfies(row -> {
            assertThat(row.written()).containsExactly("10.1.16.0", "");
            assertThat(row.found()).isTrue();
        });
        assertThat(readBack(table)).isEqualTo(table);
    }

    @Test
    void theTopologyIsTheOneDeclared() throws IOException {
        TopologySpec spec = TopologySpec.builder()
                .segment("underlay", "10.168.0.0/24")
                .node("node1", "underlay", "10.168.0.2")
                .node("node2", "underlay", "10.168.0.3")
                .etcd("underlay", "10.168.0.10")
                .build();

        TopologyEvidence topology = JsonEvidence.topology(spec);

        assertThat(topology.segments()).containsExactly(new TopologyEvidence.Segment("underlay", "10.168.0.0/24"));
        assertThat(topology.nodes()).extracting(TopologyEvidence.Host::name).containsExactly("node1", "node2");
        assertThat(topology.nodes().get(0).interfaces())
                .containsExactly(new TopologyEvidence.Interface("eth0", "underlay", "10.168.0.2"));
        assertThat(topology.etcd()).hasValue(new TopologyEvidence.Etcd("etcd", "underlay", "10.168.0.10"));
        assertThat(readBack(topology)).isEqualTo(topology);
    }
}
