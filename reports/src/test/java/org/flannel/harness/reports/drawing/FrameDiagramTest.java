package org.flannel.harness.reports.drawing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.flannel.harness.contracts.evidence.CheckVerdict;
import org.flannel.harness.contracts.evidence.DecodedFrame;
import org.flannel.harness.contracts.evidence.FrameMatchEvidence;
import org.flannel.harness.reports.Fixtures;
import org.flannel.harness.reports.evidence.Showcase;
import org.junit.jupiter.api.Test;

class FrameDiagramTest {
    private final Showcase showcase = new Showcase(Fixtures.run(Fixtures.PASSED));

    private DecodedFrame vxlanFrame() {
        return showcase.frame("vxlan").orElseThrow().evidence().frame().orElseThrow();
    }

    @Test
    void theVxlanFrameIsTheOneJudgedOnNode1Eth0WithItsVerdicts() {
        FrameMatchEvidence match = showcase.frame("vxlan").orElseThrow().evidence();

        assertThat(match.point()).isEqualTo("node1:eth0");
        assertThat(match.verdict()).isEqualTo(CheckVerdict.PASSED);
        assertThat(match.rows()).hasSizeGreaterThan(40);
        DecodedFrame frame = match.frame().orElseThrow();
        assertThat(frame.protocols()).containsExactly("ethernet", "ipv4", "udp", "vxlan", "ethernet", "ipv4", "icmp");
        assertThat(frame.value("outer.ipv4.destination")).hasValue("10.168.0.3");
        assertThat(frame.value("vxlan.vni")).hasValue("1");
        assertThat(frame.value("inner.ethernet.destination")).hasValue(Fixtures.INNER_DESTINATION_MAC);
    }

    @Test
    void anEthernetHeaderIsLaidOutAsTheSeedDrawsIt() {
        DecodedFrame frame = vxlanFrame();
        List<List<FrameDiagram.Piece>> rows =
                FrameDiagram.rows(frame, frame.layer("outer.ethernet").orElseThrow());

        // Destination MAC | destination MAC, source MAC | source MAC | Ethertype: 32, 16+16, 32, 16 bits.
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0))
                .extracting(FrameDiagram.Piece::label, FrameDiagram.Piece::width)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Outer Destination MAC Address", 32));
        assertThat(rows.get(1))
                .extracting(FrameDiagram.Piece::label)
                .containsExactly("Outer Destination MAC Address", "Outer Source MAC Address");
        assertThat(rows.get(3))
                .extracting(FrameDiagram.Piece::label, FrameDiagram.Piece::width)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ethertype", 16));
        assertThat(rows.get(1).get(0).raw())
                .isEqualTo(Fixtures.OUTER_DESTINATION_MAC.substring(12).replace(':', ' '));
    }

    @Test
    void theVxlanFlagsAreEightCellsRRRRIRRR() {
        DecodedFrame frame = vxlanFrame();
        List<List<FrameDiagram.Piece>> rows =
                FrameDiagram.rows(frame, frame.layer("vxlan").orElseThrow());

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).subList(0, 8))
                .extracting(FrameDiagram.Piece::label)
                .containsExactly("R", "R", "R", "R", "I", "R", "R", "R");
        assertThat(rows.get(0).subList(0, 8))
                .extracting(FrameDiagram.Piece::value)
                .containsExactly("0", "0", "0", "0", "1", "0", "0", "0");
        assertThat(rows.get(0).get(8).width()).isEqualTo(24);
        assertThat(rows.get(1))
                .extracting(FrameDiagram.Piece::label)
                .containsExactly("VXLAN Network Identifier (VNI)", "Reserved");
        assertThat(rows.get(1).get(0).raw()).isEqualTo("00 00 01");
    }

    @Test
    void anIpv4HeaderIsFiveRowsWithItsFlagBitsApart() {
        DecodedFrame frame = vxlanFrame();
        List<List<FrameDiagram.Piece>> rows =
                FrameDiagram.rows(frame, frame.layer("outer.ipv4").orElseThrow());

        assertThat(rows).hasSize(5).allSatisfy(row -> assertThat(
                        row.stream().mapToInt(FrameDiagram.Piece::width).sum())
                .isEqualTo(32));
        assertThat(rows.get(1))
                .extracting(FrameDiagram.Piece::label)
                .containsExactly("Identification", "R", "DF", "MF", "Fragment Offset");
        assertThat(rows.get(4).get(0).value()).isEqualTo("10.168.0.3");
        assertThat(rows.get(4).get(0).raw()).isEqualTo("0a a8 00 03");
    }

    @Test
    void theDiagramShowsValuesVerdictsAndTheSeedsComments() {
        String html = FrameDiagram.render(vxlanFrame(), "f", Set.of(), true);

        assertThat(html)
                .contains(
                        "data-field=\"outer.ipv4.destination\"",
                        "10.168.0.3",
                        "#目的ip由flannel维护",
                        "VXLAN, Flannel&#39;s port",
                        "Frame Check Sequence",
                        "class=\"f passed");
        assertThat(html).doesNotContainPattern("class=\"f failed[^\"]*\" style");
    }

    @Test
    void aFailedFieldIsMarkedFailedWithWhatWasExpected() {
        Showcase failed = new Showcase(Fixtures.run(Fixtures.FAILED));
        FrameMatchEvidence match = failed.frame("vxlan").orElseThrow().evidence();
        DecodedFrame frame = match.frame().orElseThrow();
        String html = FrameDiagram.render(frame, "f", Set.of("vxlan"), false);

        assertThat(match.verdict()).isEqualTo(CheckVerdict.FAILED);
        assertThat(match.row("vxlan.vni"))
                .hasValueSatisfying(row -> assertThat(row.ok()).isFalse());
        assertThat(html)
                .containsPattern("class=\"f failed[^\"]*\" style=\"grid-column: span 24\" data-field=\"vxlan.vni\"");
        assertThat(html).contains("expected: 1");
    }

    @Test
    void udpAndHostGwFramesAreFoundToo() {
        DecodedFrame udp =
                showcase.frame("udp").orElseThrow().evidence().frame().orElseThrow();
        DecodedFrame hostGw =
                showcase.frame("host-gw").orElseThrow().evidence().frame().orElseThrow();

        assertThat(udp.protocols()).containsExactly("ethernet", "ipv4", "udp", "ipv4", "icmp");
        assertThat(udp.value("outer.udp.destination_port")).hasValue("8285");
        assertThat(hostGw.protocols()).containsExactly("ethernet", "ipv4", "icmp");
        assertThat(FrameVocabulary.title(udp, udp.layer("inner.ipv4").orElseThrow()))
                .contains("flannel0");
    }
}
