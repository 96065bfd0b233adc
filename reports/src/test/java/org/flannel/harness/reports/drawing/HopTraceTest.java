package org.flannel.harness.reports.drawing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.flannel.harness.contracts.evidence.CheckVerdict;
import org.flannel.harness.contracts.evidence.HopTraceEvidence;
import org.flannel.harness.reports.Fixtures;
import org.flannel.harness.reports.evidence.Showcase;
import org.junit.jupiter.api.Test;

class HopTraceTest {
    private final HopTraceEvidence request = new Showcase(Fixtures.run(Fixtures.PASSED))
            .trace("echo request")
            .orElseThrow()
            .evidence();

    @Test
    void theRequestIsSeenAtEightHops() {
        assertThat(request.hops())
                .extracting(HopTraceEvidence.Hop::point)
                .containsExactly(
                        "container-1:eth0",
                        "node1:docker0",
                        "node1:flannel.1",
                        "node1:eth0",
                        "node2:eth0",
                        "node2:flannel.1",
                        "node2:docker0",
                        "container-2:eth0");
        assertThat(request.verdict()).isEqualTo(CheckVerdict.PASSED);
    }

    @Test
    void eachHopShowsTheSeedStepsThatHappenThere() {
        List<List<Integer>> steps = IntStream.range(0, request.hops().size())
                .mapToObj(i -> HopTrace.seedSteps(request.hops(), i))
                .toList();

        assertThat(steps)
                .containsExactly(
                        List.of(1),
                        List.of(1),
                        List.of(2, 3),
                        List.of(4, 5, 6),
                        List.of(7),
                        List.of(7),
                        List.of(7),
                        List.of(7));
    }

    @Test
    void node1sEth0AddsTheFourOuterHeadersAndNode2sFlannel1RemovesThem() {
        HopTrace.Change added = HopTrace.change(
                Optional.of(request.hops().get(2)), request.hops().get(3));
        HopTrace.Change removed = HopTrace.change(
                Optional.of(request.hops().get(4)), request.hops().get(5));
        HopTrace.Change routed = HopTrace.change(
                Optional.of(request.hops().get(1)), request.hops().get(2));

        assertThat(added.added()).containsExactly("outer Ethernet", "outer IPv4", "UDP", "VXLAN");
        assertThat(removed.removed()).containsExactly("outer Ethernet", "outer IPv4", "UDP", "VXLAN");
        assertThat(routed.notes())
                .anySatisfy(n -> assertThat(n).startsWith("Ethernet header rewritten"))
                .anySatisfy(n -> assertThat(n).isEqualTo("TTL 64 → 63 (routed)"));
    }

    @Test
    void theTraceLinksEveryHopToItsSeedSteps() {
        String html = HopTrace.render(request, "request", true);

        assertThat(html)
                .contains(
                        "id=\"request-4\"",
                        "href=\"#step-6\"",
                        "added outer Ethernet, outer IPv4, UDP, VXLAN",
                        "10.168.0.3");
        assertThat(HopTrace.renderStep(request, 4, "s", "flow.html"))
                .contains("data-layer=\"vxlan\"", "href=\"flow.html#request-4\"");
    }
}
