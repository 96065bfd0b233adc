package org.flannel.harness.reports.pages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.flannel.harness.contracts.bench.BenchJson;
import org.flannel.harness.contracts.bench.BenchReport;
import org.flannel.harness.reports.drawing.Html;

/**
 * Writes the performance page from a bench JSON alone, without a feature run ({@code scripts/bench.sh} calls it):
 * {@code performance.html} in the site's folder, in a plain frame that links back to the site. The site generator
 * writes the same page in the site's own frame, and links it from the navigation, when the JSON lies at
 * {@code reports/target/bench/bench.json}.
 */
public final class PerformancePageWriter {
    private PerformancePageWriter() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PerformancePageWriter BENCH_JSON SITE_DIR");
            System.exit(2);
        }
        Path page = write(BenchJson.read(Path.of(args[0])), Path.of(args[1]));
        System.out.println("bench: the performance page: " + page.toAbsolutePath());
    }

    public static Path write(BenchReport report, Path site) throws IOException {
        Files.createDirectories(site.resolve("assets"));
        for (String asset : new String[] {"style.css", "site.js"}) {
            Path target = site.resolve("assets").resolve(asset);
            if (!Files.exists(target)) {
                try (InputStream in = PerformancePageWriter.class.getResourceAsStream("/living-docs/assets/" + asset)) {
                    if (in != null) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        // Without a site beside it (bench.sh on a fresh clone), a link to the overview would lead nowhere.
        boolean siteThere = Files.exists(site.resolve("index.html"));
        String home = siteThere ? "index.html" : PerformancePage.HREF;
        String overview = siteThere ? "<a href=\"index.html\">Overview</a>" : "";
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + Html.esc(PerformancePage.TITLE) + " · Flannel, from real captures</title>\n"
                + "<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"assets/style.css\">\n"
                + "</head>\n<body>\n<header class=\"top\"><div class=\"wrap\"><a class=\"brand\" href=\"" + home + "\">"
                + "Flannel, from real captures</a><nav>" + overview + "<a class=\"active\" href=\""
                + PerformancePage.HREF + "\">Performance</a></nav></div></header>\n<main class=\"wrap\">\n"
                + PerformancePage.body(report)
                + "\n</main>\n<footer class=\"wrap\">Made by <code>scripts/bench.sh</code> from its JSON.</footer>\n"
                + "</body>\n</html>\n";
        Path page = site.resolve(PerformancePage.HREF);
        Files.writeString(page, html);
        return page;
    }
}
