package org.flannel.harness.reports.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flannel.harness.contracts.evidence.FrameMatchEvidence;
import org.flannel.harness.contracts.evidence.HopTraceEvidence;
import org.flannel.harness.contracts.evidence.KernelTableEvidence;
import org.flannel.harness.reports.drawing.FrameDiagram;
import org.flannel.harness.reports.drawing.HopTrace;
import org.flannel.harness.reports.drawing.Html;
import org.flannel.harness.reports.drawing.KernelTables;
import org.flannel.harness.reports.drawing.TopologyPicture;
import org.flannel.harness.reports.evidence.Showcase;
import org.flannel.harness.reports.evidence.TopologyData;
import org.flannel.harness.reports.model.Scenario;
import org.flannel.harness.reports.seed.Seed;
import org.flannel.harness.reports.seed.SeedStatement;

/**
 * The seed, statement by statement: the Chinese original beside its English rendering, the scenarios that
 * demonstrate each statement with their verdicts, and the evidence of this run drawn beneath.
 */
public final class SeedPage {
    private final Site site;

    public SeedPage(Site site) {
        this.site = site;
    }

    public void write() {
        StringBuilder body = new StringBuilder();
        body.append(
                        "<h1>The seed, statement by statement</h1>\n<p class=\"lead\">This project starts from a short note on ")
                .append("Flannel written in Chinese (<a href=\"seed/")
                .append(Seed.ORIGINAL)
                .append("\">")
                .append(Seed.ORIGINAL)
                .append("</a>, with an English rendering, <a href=\"seed/")
                .append(Seed.ENGLISH)
                .append("\">")
                .append(Seed.ENGLISH)
                .append(
                        "</a>). Each of its statements is below: the original on the left, in English on the right, then the ")
                .append("scenarios that demonstrate it with their verdicts in this run, then what this run captured. ")
                .append(
                        "Every scenario builds its own nodes, so MAC addresses (and ports, identifiers) differ from one ")
                .append("scenario to the next; within a scenario they agree.</p>\n");
        body.append("<nav class=\"toc\"><b>Contents</b><ol>");
        for (SeedStatement statement : site.seed().statements()) {
            if (statement.isHeading() && statement.headingLevel() >= 2) {
                body.append("<li class=\"lvl")
                        .append(statement.headingLevel())
                        .append("\"><a href=\"#")
                        .append(statement.id())
                        .append("\">")
                        .append(Html.inline(headingText(statement)))
                        .append(" — ")
                        .append(Html.inline(
                                statement.english().isEmpty()
                                        ? ""
                                        : statement.english().get(0)))
                        .append("</a></li>");
            }
        }
        body.append("</ol></nav>\n");
        for (SeedStatement statement : site.seed().statements()) {
            body.append(statement(statement));
        }
        site.write("seed.html", site.layout().page("The seed", "", "seed.html", body.toString()));
    }

    String statement(SeedStatement statement) {
        List<Scenario> scenarios = site.selector().select(statement);
        StringBuilder html = new StringBuilder();
        if (statement.isHeading()) {
            int level = Math.min(4, Math.max(2, statement.headingLevel()));
            html.append("<section class=\"statement heading\" id=\"")
                    .append(statement.id())
                    .append("\">")
                    .append("<h")
                    .append(level)
                    .append("><span lang=\"zh\">")
                    .append(Html.inline(headingText(statement)))
                    .append("</span>")
                    .append(
                            statement.english().isEmpty()
                                    ? ""
                                    : " <span class=\"en\">"
                                            + Html.inline(statement.english().get(0)) + "</span>")
                    .append(" <a class=\"anchor\" href=\"#")
                    .append(statement.id())
                    .append("\">#</a></h")
                    .append(level)
                    .append(">\n");
            List<SeedStatement.Line> rest =
                    statement.original().subList(1, statement.original().size());
            if (rest.stream().anyMatch(l -> !l.text().isBlank())
                    || !statement.note().isEmpty()) {
                html.append("<div class=\"pair\"><div class=\"zh\" lang=\"zh\">")
                        .append(original(rest))
                        .append("</div>")
                        .append("<div class=\"en\">")
                        .append(english(statement
                                .english()
                                .subList(
                                        Math.min(1, statement.english().size()),
                                        statement.english().size())))
                        .append(note(statement))
                        .append("</div></div>\n");
            }
        } else {
            html.append("<section class=\"statement\" id=\"")
                    .append(statement.id())
                    .append("\">")
                    .append("<a class=\"anchor\" href=\"#")
                    .append(statement.id())
                    .append("\">#</a>")
                    .append("<div class=\"pair\"><div class=\"zh\" lang=\"zh\">")
                    .append(original(statement.original()))
                    .append("</div><div class=\"en\">")
                    .append(english(statement.english()))
                    .append(note(statement))
                    .append("</div></div>\n");
        }
        if (!statement.demonstratedBy().isEmpty() || !scenarios.isEmpty()) {
            html.append("<div class=\"demo\"><b>Demonstrated by</b>")
                    .append(Site.scenarioList(scenarios, ""))
                    .append("</div>\n");
        }
        for (String show : statement.show()) {
            html.append(evidence(statement, show));
        }
        return html.append("</section>\n").toString();
    }

    private static String headingText(SeedStatement statement) {
        return statement.original().stream()
                .filter(l -> !l.text().isBlank())
                .findFirst()
                .map(l -> l.text().replaceFirst("^#+\\s*", ""))
                .orElse("");
    }

    private static String note(SeedStatement statement) {
        return statement.note().isEmpty() ? "" : "<p class=\"note\">" + Html.inline(statement.note()) + "</p>";
    }

    /** The original's lines: code blocks as they are, headings, the picture it lacks, paragraphs. */
    static String original(List<SeedStatement.Line> lines) {
        StringBuilder html = new StringBuilder();
        List<String> code = new ArrayList<>();
        for (SeedStatement.Line line : lines) {
            if (line.code()) {
                code.add(line.text());
                continue;
            }
            flushCode(html, code);
            String text = line.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("#")) {
                html.append("<p class=\"h\">")
                        .append(Html.inline(text.replaceFirst("^#+\\s*", "")))
                        .append("</p>");
            } else if (text.matches("!\\[[^]]*]\\(([^)]+)\\)")) {
                html.append("<p class=\"missing-picture\">[ the seed's picture <code>")
                        .append(Html.esc(text.replaceAll("!\\[[^]]*]\\(([^)]+)\\)", "$1")))
                        .append("</code>, which did not come with it ]</p>");
            } else {
                html.append("<p>").append(Html.inline(text)).append("</p>");
            }
        }
        flushCode(html, code);
        return html.toString();
    }

    private static void flushCode(StringBuilder html, List<String> code) {
        while (!code.isEmpty() && code.get(code.size() - 1).isBlank()) {
            code.remove(code.size() - 1);
        }
        while (!code.isEmpty() && code.get(0).isBlank()) {
            code.remove(0);
        }
        if (!code.isEmpty()) {
            html.append("<pre>").append(Html.esc(String.join("\n", code))).append("</pre>");
            code.clear();
        }
    }

    /** The English rendering: listings ($ commands, tables) as code, the rest as paragraphs. */
    static String english(List<String> parts) {
        StringBuilder html = new StringBuilder();
        List<String> code = new ArrayList<>();
        for (String part : parts) {
            if (part.startsWith("$") || part.startsWith("# ") || part.contains("   ")) {
                code.add(part);
            } else {
                flushCode(html, code);
                html.append("<p>").append(Html.inline(part)).append("</p>");
            }
        }
        flushCode(html, code);
        return html.toString();
    }

    /** Evidence drawn beside a statement: {@code frame:vxlan:outer.ipv4}, {@code hops:3}, {@code kernel:route -n}, {@code topology}. */
    String evidence(SeedStatement statement, String show) {
        String[] parts = show.split(":", 3);
        Showcase showcase = site.showcase();
        switch (parts[0]) {
            case "frame" -> {
                String backend = parts.length > 1 ? parts[1] : "vxlan";
                Set<String> layers =
                        parts.length > 2 ? new LinkedHashSet<>(Arrays.asList(parts[2].split(","))) : Set.of();
                Optional<Showcase.Pick<FrameMatchEvidence>> pick = showcase.frame(backend);
                if (pick.isEmpty() || pick.get().evidence().frame().isEmpty()) {
                    return missing("no " + backend + " frame was captured in this run");
                }
                FrameMatchEvidence match = pick.get().evidence();
                return "<div class=\"evidence\"><p class=\"evidence-title\">Captured on <code>"
                        + Html.esc(match.point())
                        + "</code> in " + Site.scenarioLink(pick.get().scenario(), "")
                        + " — <a href=\"frames.html#frame-"
                        + backend + "\">the whole frame</a></p>"
                        + FrameDiagram.render(match.frame().get(), statement.id() + "-frame", layers, false)
                        + "</div>\n";
            }
            case "hops" -> {
                int step = Integer.parseInt(parts[1]);
                Optional<Showcase.Pick<HopTraceEvidence>> pick = showcase.trace("echo request");
                if (pick.isEmpty()) {
                    return missing("the packet was not followed hop by hop in this run");
                }
                return "<div class=\"evidence\"><p class=\"evidence-title\">Step " + step
                        + " in the echo request followed hop by hop ("
                        + Site.scenarioLink(pick.get().scenario(), "") + ") — <a href=\"flow.html#step-" + step
                        + "\">on the flow page</a></p>"
                        + HopTrace.renderStep(pick.get().evidence(), step, statement.id() + "-hop", "flow.html")
                        + "</div>\n";
            }
            case "kernel" -> {
                String backend = parts.length > 2 ? parts[2] : "vxlan";
                Optional<Showcase.Pick<KernelTableEvidence>> pick = showcase.kernelTable(parts[1], backend);
                if (pick.isEmpty()) {
                    return missing("node1's " + parts[1] + " was not read in this run");
                }
                return "<div class=\"evidence\"><p class=\"evidence-title\">Read on node1 in "
                        + Site.scenarioLink(pick.get().scenario(), "")
                        + " — <a href=\"kernel.html\">all kernel tables</a></p>"
                        + KernelTables.render(pick.get().evidence()) + "</div>\n";
            }
            case "topology" -> {
                Optional<Showcase.Pick<TopologyData>> pick = showcase.topology();
                if (pick.isEmpty()) {
                    return missing("no scenario of this run declared a topology");
                }
                return "<div class=\"evidence\"><p class=\"evidence-title\">The topology of "
                        + Site.scenarioLink(pick.get().scenario(), "") + "</p>"
                        + TopologyPicture.render(
                                pick.get().evidence(),
                                TopologyPicture.tunnelFor(pick.get().scenario().backends()),
                                "the nodes, pods and segments of "
                                        + pick.get().scenario().name())
                        + "</div>\n";
            }
            default -> {
                return "";
            }
        }
    }

    private static String missing(String why) {
        return "<div class=\"evidence\"><p class=\"muted small\">" + Html.esc(why) + ".</p></div>\n";
    }
}
