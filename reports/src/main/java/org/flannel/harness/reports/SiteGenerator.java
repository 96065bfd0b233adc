package org.flannel.harness.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flannel.harness.contracts.bench.BenchJson;
import org.flannel.harness.contracts.bench.BenchReport;
import org.flannel.harness.reports.model.Feature;
import org.flannel.harness.reports.model.MessagesReader;
import org.flannel.harness.reports.model.Run;
import org.flannel.harness.reports.model.RunInfo;
import org.flannel.harness.reports.model.Scenario;
import org.flannel.harness.reports.pages.FaultsPage;
import org.flannel.harness.reports.pages.FlowPage;
import org.flannel.harness.reports.pages.FramesPage;
import org.flannel.harness.reports.pages.IndexPage;
import org.flannel.harness.reports.pages.KernelPage;
import org.flannel.harness.reports.pages.PerformancePage;
import org.flannel.harness.reports.pages.ScenarioPage;
import org.flannel.harness.reports.pages.ScenariosPage;
import org.flannel.harness.reports.pages.SeedPage;
import org.flannel.harness.reports.pages.Site;
import org.flannel.harness.reports.seed.Seed;

/**
 * Makes the living documentation: a static site (target/site/index.html and the pages it links) from a run's
 * Cucumber messages, the seed, and the evidence the steps attached. Run by {@code mvn verify} in the reports
 * module, after the features have run; when there are no messages it says so and makes nothing.
 *
 * <pre>
 * SiteGenerator --messages=reports/target/cucumber/messages.ndjson --out=reports/target/site
 *               [--seed=folder] [--impl=/path/to/flanneld] [--driver=netns]
 * </pre>
 */
public final class SiteGenerator {
    static final String MARKER = ".living-docs";
    static final List<String> ASSETS = List.of("style.css", "site.js");

    private SiteGenerator() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path messages = Path.of(options.getOrDefault("messages", "target/cucumber/messages.ndjson"))
                .toAbsolutePath();
        Path out = Path.of(options.getOrDefault("out", "target/site")).toAbsolutePath();
        if (!Files.isRegularFile(messages)) {
            System.out.println(
                    "reports: no run to document: " + messages + " does not exist (the features did not run in this"
                            + " build, e.g. -pl without features, or -DskipTests). The living documentation is not made.");
            return;
        }
        Optional<Path> seed = Optional.ofNullable(options.get("seed"))
                .filter(s -> !s.isBlank())
                .map(Path::of);
        // The run's configuration comes as arguments (the pom passes flannel.impl and flannel.topology).
        Path index = generate(
                messages,
                out,
                seed,
                options.getOrDefault("impl", ""),
                options.getOrDefault("driver", "netns"),
                commit());
        System.out.println("reports: the living documentation: " + index + " (open it in a browser)");
    }

    /** Makes the site; returns its front page. */
    public static Path generate(
            Path messages, Path out, Optional<Path> seedFolder, String implementation, String driver, String commit)
            throws IOException {
        Run run = MessagesReader.read(messages);
        Seed seed = Seed.load(seedFolder);
        clean(out);
        Files.createDirectories(out);
        Files.writeString(out.resolve(MARKER), "made by org.flannel.harness.reports.SiteGenerator\n");
        copyAssets(out);
        copySeed(seed, out);
        List<String> extra = extraLinks(messages.getParent(), out);
        // A benchmark's JSON beside the run's reports (reports/target/bench/bench.json) adds the performance page.
        Path benchJson = messages.getParent().resolveSibling("bench").resolve("bench.json");
        Optional<BenchReport> bench =
                Files.isRegularFile(benchJson) ? Optional.of(BenchJson.read(benchJson)) : Optional.empty();
        Site site = new Site(out, run, RunInfo.of(run, implementation, driver, commit), seed, extra, bench.isPresent());
        for (Scenario scenario : run.scenarios()) {
            site.files().write(scenario);
        }
        new IndexPage(site).write();
        new SeedPage(site).write();
        new FlowPage(site).write();
        new FramesPage(site).write();
        new KernelPage(site).write();
        new FaultsPage(site).write();
        new ScenariosPage(site).write();
        bench.ifPresent(report -> site.write(
                PerformancePage.HREF,
                site.layout().page(PerformancePage.TITLE, "", PerformancePage.HREF, PerformancePage.body(report))));
        ScenarioPage pages = new ScenarioPage(site);
        for (Feature feature : run.features()) {
            for (Scenario scenario : feature.scenarios()) {
                pages.write(feature, scenario);
            }
        }
        if (!site.selector().unmatched().isEmpty()) {
            System.out.println(
                    "reports: the seed's table names scenarios this run does not have (renamed, or filtered out): "
                            + String.join("; ", site.selector().unmatched()));
        }
        return out.resolve("index.html");
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException(
                        "unknown argument " + arg + "; use --messages=, --out=, --seed=, --impl=, --driver=");
            }
        }
        return options;
    }

    /** Empties a site made before; refuses a folder it did not make. */
    static void clean(Path out) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        try (Stream<Path> entries = Files.list(out)) {
            if (entries.findAny().isPresent() && !Files.exists(out.resolve(MARKER))) {
                throw new IllegalStateException(
                        out + " holds files this generator did not write; choose another --out");
            }
        }
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void copyAssets(Path out) throws IOException {
        Path assets = Files.createDirectories(out.resolve("assets"));
        for (String asset : ASSETS) {
            try (InputStream in = SiteGenerator.class.getResourceAsStream("/living-docs/assets/" + asset)) {
                if (in == null) {
                    throw new IllegalStateException("no /living-docs/assets/" + asset + " on the classpath");
                }
                Files.copy(in, assets.resolve(asset), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void copySeed(Seed seed, Path out) throws IOException {
        Path folder = Files.createDirectories(out.resolve("seed"));
        Files.writeString(folder.resolve(Seed.ORIGINAL), seed.original(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(Seed.ENGLISH), seed.english(), StandardCharsets.UTF_8);
    }

    /** Cucumber's own page and files beside the messages, and conformance.json (copied into the site) when there. */
    static List<String> extraLinks(Path reports, Path out) throws IOException {
        List<String> links = new ArrayList<>();
        if (reports == null) {
            return links;
        }
        Path conformance = reports.resolve("conformance.json");
        if (Files.isRegularFile(conformance)) {
            Files.copy(conformance, out.resolve("conformance.json"), StandardCopyOption.REPLACE_EXISTING);
            links.add("conformance.json (verdicts per requirement)|conformance.json");
        }
        for (String[] file : new String[][] {
            {"cucumber.html", "Cucumber's own report"},
            {"messages.ndjson", "the Cucumber messages"},
            {"junit.xml", "junit.xml"}
        }) {
            Path path = reports.resolve(file[0]);
            if (Files.isRegularFile(path)) {
                links.add(file[1] + "|" + out.relativize(path).toString().replace('\\', '/'));
            }
        }
        return links;
    }

    /** The commit of the working tree, when git can tell. */
    static String commit() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0) {
                return text;
            }
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }
}
