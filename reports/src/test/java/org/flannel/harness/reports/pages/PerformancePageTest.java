package org.flannel.harness.reports.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flannel.harness.contracts.bench.BenchFigure;
import org.flannel.harness.contracts.bench.BenchReport;
import org.flannel.harness.contracts.bench.LagSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerformancePageTest {
    private static BenchReport report() {
        return new BenchReport(
                "2026-12-05T22:00:00Z",
                "2026-12-05T22:10:00Z",
                "2 cores",
                List.of("start: 1.00 1.20 1.50"),
                List.of(
                        new BenchReport.Implementation("reference", "/r/flanneld"),
                        new BenchReport.Implementation("flannel", "/f/flanneld")),
                List.of(
                        new BenchFigure("vxlan", 10, "convergence: lease added: median", "ms", "reference", 40.0),
                        new BenchFigure("vxlan", 10, "convergence: lease added: median", "ms", "flannel", 20.0),
                        new BenchFigure("vxlan", 25, "convergence: lease added: median", "ms", "reference", 50.0),
                        new BenchFigure("udp", 10, "convergence: lease added", "", "reference", null)),
                List.of(new LagSeries("vxlan", 25, "churn: lag", "reference", List.of(10.0, 30.0, 20.0))),
                List.of(
                        "udp N=10 reference: convergence: not measurable (why)",
                        "vxlan N=25 flannel: !!! churn: stale"));
    }

    @Test
    void saysTheFiguresAreRatiosOfOneRunOnANoisyMachine() {
        assertThat(PerformancePage.body(report())).contains("ratios measured in one run on a shared, noisy machine");
    }

    @Test
    void theTableHasEachImplementationAndTheRatio() {
        String body = PerformancePage.body(report());
        assertThat(body).contains("<th>flannel / reference</th>");
        assertThat(body).contains("<td class=\"num\">40</td><td class=\"num\">20</td><td class=\"num\">0.50</td>");
        assertThat(body).contains("<td class=\"num\">n/a</td>");
    }

    @Test
    void chartsAgainstNAndDistributionsAreDrawn() {
        String body = PerformancePage.body(report());
        assertThat(body).contains("<svg class=\"bench-chart\"");
        assertThat(body).contains("Lag distributions at N=25");
        assertThat(body).contains("reference, N=25: 50 ms");
    }

    @Test
    void staleOrMissingRoutesAreShownLoudly() {
        assertThat(PerformancePage.body(report()))
                .contains("<div class=\"failure\"><h2>Stale, missing or failed</h2><ul><li>vxlan N=25 flannel: !!!");
    }

    @Test
    void theWriterMakesAStandalonePageWithTheStyle(@TempDir Path site) throws IOException {
        Path page = PerformancePageWriter.write(report(), site);
        assertThat(page).hasFileName("performance.html");
        assertThat(Files.readString(page)).contains("<h1>Performance</h1>");
        assertThat(site.resolve("assets/style.css")).exists();
    }

    @Test
    void theOverviewIsLinkedOnlyWhereTheSiteIs(@TempDir Path site) throws IOException {
        assertThat(Files.readString(PerformancePageWriter.write(report(), site)))
                .as("no site beside it")
                .doesNotContain("index.html");
        Files.writeString(site.resolve("index.html"), "<html></html>");
        assertThat(Files.readString(PerformancePageWriter.write(report(), site)))
                .contains("<a href=\"index.html\">Overview</a>");
    }
}
