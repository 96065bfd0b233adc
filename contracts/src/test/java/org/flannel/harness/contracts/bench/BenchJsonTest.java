package org.flannel.harness.contracts.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchJsonTest {
    private static BenchReport sample() {
        return new BenchReport(
                "2026-12-05T22:00:00Z",
                "2026-12-05T22:10:00Z",
                "2 cores",
                List.of("load average: 1.0, 1.2, 1.5"),
                List.of(new BenchReport.Implementation("reference", "/x/flanneld")),
                List.of(
                        new BenchFigure("vxlan", 10, "add lease: median", "ms", "reference", 12.5),
                        new BenchFigure("udp", 10, "add lease: median", "ms", "reference", null)),
                List.of(new LagSeries("vxlan", 10, "add lease", "reference", List.of(1.0, 2.5))),
                List.of("udp: not measurable"));
    }

    @Test
    void aReportReadsBackEqual() throws IOException {
        BenchReport report = sample();
        assertThat(BenchJson.read(BenchJson.write(report))).isEqualTo(report);
    }

    @Test
    void aNotMeasurableFigureStaysNull() throws IOException {
        assertThat(BenchJson.read(BenchJson.write(sample())).figures().get(1).value())
                .isNull();
    }

    @Test
    void anUnknownPropertyFailsTheRead() {
        String json = "{\"startedAt\":\"x\",\"renamed\":1}";
        assertThatThrownBy(() -> BenchJson.read(json)).isInstanceOf(IOException.class);
    }
}
