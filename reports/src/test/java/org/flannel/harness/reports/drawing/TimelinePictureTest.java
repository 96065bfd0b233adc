package org.flannel.harness.reports.drawing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flannel.harness.reports.Fixtures;
import org.flannel.harness.reports.evidence.FaultTimeline;
import org.flannel.harness.reports.evidence.ScenarioEvidence;
import org.flannel.harness.reports.model.Scenario;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TimelinePictureTest {

    private static FaultTimeline timeline(String fixture, String name) {
        Scenario scenario = Fixtures.scenario(Fixtures.run(fixture), name);
        return FaultTimeline.of(scenario, ScenarioEvidence.of(scenario)).orElseThrow();
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aFailedScenarioIsDrawnWithItsFaultsItsFailedCheckAndThePingsLost() throws Exception {
        FaultTimeline timeline = timeline(Fixtures.FAULTS_FAILED, Fixtures.UDP_ETCD_OUTAGE);
        String svg = TimelinePicture.render(timeline, "t", a -> "files/" + a.name());

        Document document = parse(svg);
        Element root = document.getDocumentElement();
        assertThat(root.getAttribute("class")).isEqualTo("timeline");
        assertThat(root.getAttribute("id")).isEqualTo("t");
        // A dashed line for each fault that was done (etcd stops, 12 seconds pass, etcd starts again); not for the
        // lease deletion skipped after the failure.
        assertThat(count(svg, "class=\"fault-line\"")).isEqualTo(3);
        assertThat(count(svg, "<g class=\"step ")).isEqualTo(timeline.steps().size());
        assertThat(svg)
                .contains(
                        "<g class=\"step check failed\"",
                        "<g class=\"step fault passed\"",
                        "<g class=\"step fault skipped\"",
                        "<g class=\"lane\" data-lane=\"etcd\"",
                        "<g class=\"ping\" data-source=\"container-1\" data-destination=\"10.1.16.3\"",
                        ">etcd down</text>",
                        "<rect class=\"period down\"");
        NodeList rects = document.getElementsByTagName("rect");
        long lost = 0;
        double lostFrom = Double.MAX_VALUE;
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.getAttribute("class").equals("lost")) {
                lost++;
                lostFrom = Math.min(lostFrom, Double.parseDouble(rect.getAttribute("x")));
            }
        }
        assertThat(lost).isPositive();
        // The losses begin after etcd stopped: to the right of its dashed line.
        Matcher firstFault =
                Pattern.compile("<line class=\"fault-line\" x1=\"([0-9.]+)\"").matcher(svg);
        assertThat(firstFault.find()).isTrue();
        assertThat(lostFrom).isGreaterThan(Double.parseDouble(firstFault.group(1)));
        assertThat(svg).contains("8 answered · 46 lost · 5 in flight");
        // Files attached at the end link to them.
        assertThat(svg).contains("<a href=\"files/node1 kernel state.txt\">", "<a href=\"files/etcd keys.txt\">");
    }

    @Test
    void everyShapeSaysWhatItIsWhenHovered() throws Exception {
        FaultTimeline timeline = timeline(Fixtures.FAULTS, Fixtures.ETCD_OUTAGE);
        String svg = TimelinePicture.render(timeline, "t", a -> "x");

        Document document = parse(svg);
        for (String shape : new String[] {"path", "circle"}) {
            NodeList shapes = document.getElementsByTagName(shape);
            for (int i = 0; i < shapes.getLength(); i++) {
                assertThat(((Element) shapes.item(i))
                                .getElementsByTagName("title")
                                .getLength())
                        .as("a %s's title", shape)
                        .isEqualTo(1);
            }
        }
        assertThat(svg).contains("etcd stopped", "icmp_seq 1–", " answered, sent from ");
        assertThat(svg).contains(">seconds since the scenario began →</text>", ">0 s</text>", ">16 s</text>");
    }

    @Test
    void theAxisHasAtMostTwelveTicksOfARoundLength() {
        assertThat(TimelinePicture.tickStep(4.1)).isEqualTo(0.5);
        assertThat(TimelinePicture.tickStep(16.9)).isEqualTo(2);
        assertThat(TimelinePicture.tickStep(62.2)).isEqualTo(10);
        assertThat(TimelinePicture.tickStep(200)).isEqualTo(20);
    }

    @Test
    void aLongLabelIsCutWithAnEllipsis() {
        assertThat(TimelinePicture.fit("within 10 seconds node1 has no route, neighbour or FDB entry left", 20))
                .isEqualTo("within 10 seconds n…");
        assertThat(TimelinePicture.fit("etcd stops", 20)).isEqualTo("etcd stops");
    }
}
