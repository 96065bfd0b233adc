package org.flannel.harness.reports.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.flannel.harness.reports.drawing.Html;
import org.flannel.harness.reports.evidence.EvidenceFiles;
import org.flannel.harness.reports.evidence.Showcase;
import org.flannel.harness.reports.model.Run;
import org.flannel.harness.reports.model.RunInfo;
import org.flannel.harness.reports.model.Scenario;
import org.flannel.harness.reports.seed.ScenarioSelector;
import org.flannel.harness.reports.seed.Seed;

/** What every page writer needs: the run, how it was made, the seed, the evidence, and where to write. */
public final class Site {
    private final Path root;
    private final Run run;
    private final RunInfo info;
    private final Seed seed;
    private final Showcase showcase;
    private final EvidenceFiles files;
    private final Layout layout;
    private final ScenarioSelector selector;
    private final List<String> extraLinks;

    public Site(Path root, Run run, RunInfo info, Seed seed, List<String> extraLinks) {
        this(root, run, info, seed, extraLinks, false);
    }

    /** @param performance whether the site has a performance page, for the navigation */
    public Site(Path root, Run run, RunInfo info, Seed seed, List<String> extraLinks, boolean performance) {
        this.root = root;
        this.run = run;
        this.info = info;
        this.seed = seed;
        this.showcase = new Showcase(run);
        this.files = new EvidenceFiles(root);
        this.layout = new Layout(info, performance);
        this.selector = new ScenarioSelector(run);
        this.extraLinks = List.copyOf(extraLinks);
    }

    public Path root() {
        return root;
    }

    public Run run() {
        return run;
    }

    public RunInfo info() {
        return info;
    }

    public Seed seed() {
        return seed;
    }

    public Showcase showcase() {
        return showcase;
    }

    public EvidenceFiles files() {
        return files;
    }

    public Layout layout() {
        return layout;
    }

    public ScenarioSelector selector() {
        return selector;
    }

    /** Files beside the site worth a link (Cucumber's html page, the messages, conformance.json): "label|href". */
    public List<String> extraLinks() {
        return extraLinks;
    }

    /** The page of a scenario, from a page at the site's root. */
    public static String scenarioHref(Scenario scenario) {
        return "scenarios/" + scenario.slug() + ".html";
    }

    public Optional<Scenario> scenarioById(String id) {
        return run.scenarios().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public void write(String relative, String html) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A scenario as a link with its verdict, from a page {@code root} away from the site's root. */
    public static String scenarioLink(Scenario scenario, String rootPath) {
        return "<a class=\"scn " + scenario.status().cssClass() + "\" href=\"" + rootPath + scenarioHref(scenario)
                + "\" title=\""
                + Html.esc(scenario.featurePath() + " · " + scenario.status().word()) + "\">"
                + "<span class=\"dot\"></span>" + Html.esc(scenario.name()) + "</a>";
    }

    /** Scenarios as a list of links with their verdicts (and requirement IDs when tagged). */
    public static String scenarioList(List<Scenario> scenarios, String rootPath) {
        if (scenarios.isEmpty()) {
            return "<p class=\"muted small\">No scenario of this run demonstrates it.</p>";
        }
        StringBuilder html = new StringBuilder("<ul class=\"scenarios\">");
        for (Scenario s : scenarios) {
            html.append("<li>").append(scenarioLink(s, rootPath));
            for (String id : s.requirementIds()) {
                html.append(" <span class=\"req\">").append(Html.esc(id)).append("</span>");
            }
            s.level().ifPresent(level -> html.append(" <span class=\"level\">")
                    .append(Html.esc(level))
                    .append("</span>"));
            html.append("</li>");
        }
        return html.append("</ul>").toString();
    }
}
