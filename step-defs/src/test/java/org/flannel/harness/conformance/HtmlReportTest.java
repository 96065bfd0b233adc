package org.flannel.harness.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flannel.harness.contracts.conformance.ConformanceRun;
import org.flannel.harness.contracts.conformance.Outcome;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    @Test
    void everythingTakenFromTheRunIsEscaped() {
        ConformanceRun run = new Runs()
                .add(
                        "@vxlan @R-VXLAN-FDB-01 @must",
                        Outcome.FAILED,
                        "<script>alert('x')</script> & \"quoted\"\n  dst    10.1.16.0   <missing>")
                .run();
        String html = HtmlReport.render(List.of(run));
        assertThat(html)
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;")
                .contains("dst    10.1.16.0   &lt;missing&gt;")
                .doesNotContain("<script")
                .doesNotContain("<missing>");
    }

    @Test
    void aSelfContainedPageWithVerdictsColouredAndDiffsInPre() {
        ConformanceRun run = new Runs()
                .add("@vxlan @R-VXLAN-FDB-01 @must", Outcome.FAILED, "the field diff")
                .add("@vxlan @R-VXLAN-MTU-01 @should", Outcome.PASSED)
                .add("@udp @R-UDP-TUN-01 @must", Outcome.NOT_APPLICABLE)
                .add("@host-gw @vxlan @R-TWO-NET-01 @may", Outcome.SKIPPED)
                .run();
        String html = HtmlReport.render(List.of(run));
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .doesNotContain("http://")
                .doesNotContain("https://")
                .doesNotContain("<link")
                .doesNotContain(" src=")
                .contains("<td class=\"fail\"", "<td class=\"pass\"", "<td class=\"na\"", "<td class=\"skipped\"")
                .contains("<pre>the field diff</pre>")
                .contains("Source: seed §1")
                .contains("node1 kernel state.txt");
        assertThat(html.indexOf("<h2>vxlan</h2>")).isPositive().isLessThan(html.indexOf("<h2>udp</h2>"));
        assertThat(html.indexOf("<h2>udp</h2>")).isLessThan(html.indexOf("<h2>vxlan + host-gw</h2>"));
        assertThat(html).doesNotContain("<pre>diff for @vxlan @R-VXLAN-MTU-01");
    }

    @Test
    void severalImplementationsAreSeveralColumns() {
        ConformanceRun good =
                new Runs().add("@vxlan @R-VXLAN-FDB-01 @must", Outcome.PASSED).run();
        ConformanceRun bad = new Runs()
                .add("@vxlan @R-VXLAN-FDB-01 @must", Outcome.FAILED, "missing fdb")
                .run();
        String html = HtmlReport.render(List.of(good, bad));
        assertThat(html)
                .containsOnlyOnce("R-VXLAN-FDB-01</td>")
                .contains("<td class=\"pass\"", "<td class=\"fail\"", "missing fdb");
    }
}
