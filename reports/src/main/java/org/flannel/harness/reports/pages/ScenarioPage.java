package org.flannel.harness.reports.pages;

import java.util.List;
import java.util.Set;
import org.flannel.harness.contracts.conformance.RequirementTags;
import org.flannel.harness.contracts.evidence.FrameMatchEvidence;
import org.flannel.harness.contracts.evidence.HopTraceEvidence;
import org.flannel.harness.contracts.evidence.KernelTableEvidence;
import org.flannel.harness.reports.drawing.FrameDiagram;
import org.flannel.harness.reports.drawing.HopTrace;
import org.flannel.harness.reports.drawing.Html;
import org.flannel.harness.reports.drawing.KernelTables;
import org.flannel.harness.reports.drawing.TopologyPicture;
import org.flannel.harness.reports.evidence.ScenarioEvidence;
import org.flannel.harness.reports.model.Attachment;
import org.flannel.harness.reports.model.Feature;
import org.flannel.harness.reports.model.Scenario;
import org.flannel.harness.reports.model.Slugs;
import org.flannel.harness.reports.model.Status;
import org.flannel.harness.reports.model.Step;

/**
 * One scenario: what it checks (its steps with their verdicts), the evidence drawn (topology, frames,
 * hop traces, kernel tables), and every attachment; for a failure, first of all why: the message, the
 * field diffs, the implementation's logs and the nodes' state.
 */
public final class ScenarioPage {
    private static final int INLINE_TEXT_LIMIT = 200_000;
    private final Site site;

    public ScenarioPage(Site site) {
        this.site = site;
    }

    public void write(Feature feature, Scenario scenario) {
        ScenarioEvidence evidence = site.showcase().evidence(scenario);
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"crumbs\"><a href=\"../scenarios.html#")
                .append(Slugs.of(feature.path()))
                .append("\">")
                .append(Html.esc(feature.name()))
                .append("</a> · <code>")
                .append(Html.esc(feature.path()))
                .append(':')
                .append(scenario.written().line())
                .append("</code></p>\n")
                .append("<h1>")
                .append(Html.esc(scenario.name()))
                .append(' ')
                .append(Html.badge(scenario.status()))
                .append("</h1>\n")
                .append("<p class=\"tags\">");
        scenario.tags().forEach(t -> body.append("<span class=\"tag")
                .append(RequirementTags.ID.matcher(t).matches() ? " req" : "")
                .append("\">")
                .append(Html.esc(t))
                .append("</span> "));
        body.append("</p>\n");
        scenario.source().ifPresent(source -> body.append("<p class=\"source\"><b>Source:</b> ")
                .append(Html.inline(source))
                .append("</p>\n"));
        if (!scenario.description().isBlank()) {
            body.append("<div class=\"description\">")
                    .append(paragraphs(scenario.description()))
                    .append("</div>\n");
        }
        if (!feature.description().isBlank()) {
            body.append("<details class=\"feature-description\"><summary>What the feature says</summary>")
                    .append(paragraphs(feature.description()))
                    .append("</details>\n");
        }
        if (scenario.status().isProblem()) {
            body.append(failure(scenario, evidence));
        }
        body.append("<h2>Steps</h2>\n<ol class=\"steps\">");
        for (Step step : scenario.steps()) {
            if (step.hook() && step.status() == Status.PASSED) {
                continue;
            }
            body.append("<li class=\"")
                    .append(step.status().cssClass())
                    .append(step.hook() ? " hook" : "")
                    .append("\">")
                    .append("<span class=\"mark\">")
                    .append(Html.mark(
                            step.status() == Status.PASSED
                                    ? "passed"
                                    : step.status() == Status.FAILED ? "failed" : "unchecked"))
                    .append("</span> <b>")
                    .append(Html.esc(step.keyword()))
                    .append("</b> ")
                    .append(Html.esc(step.text()));
            if (step.table().size() > 12) {
                body.append("<details><summary>its table, ")
                        .append(step.table().size() - 1)
                        .append(" rows")
                        .append(evidence.frames().isEmpty() ? "" : " (drawn on the frame below)")
                        .append("</summary>")
                        .append(table(step.table()))
                        .append("</details>");
            } else if (!step.table().isEmpty()) {
                body.append(table(step.table()));
            }
            if (step.docString() != null) {
                body.append("<pre>").append(Html.esc(step.docString())).append("</pre>");
            }
            if (step.message() != null && !step.message().isBlank()) {
                body.append("<pre class=\"error\">")
                        .append(Html.esc(step.message()))
                        .append("</pre>");
            }
            body.append("</li>");
        }
        body.append("</ol>\n");
        body.append(FaultsPage.onScenarioPage(site, scenario));
        evidence.topology().ifPresent(topology -> body.append("<h2>Topology</h2><figure class=\"picture\">")
                .append(TopologyPicture.render(
                        topology, TopologyPicture.tunnelFor(scenario.backends()), "the topology of this scenario"))
                .append("</figure>\n"));
        int n = 0;
        for (HopTraceEvidence trace : evidence.hops()) {
            n++;
            body.append("<h2>The ")
                    .append(Html.esc(trace.packet()))
                    .append(" from ")
                    .append(Html.esc(trace.source()))
                    .append(" to ")
                    .append(Html.esc(trace.destination()))
                    .append(", hop by hop</h2>\n")
                    .append(HopTrace.render(trace, "trace-" + n, false));
        }
        n = 0;
        for (FrameMatchEvidence match : evidence.frames()) {
            int number = ++n;
            body.append("<h2>")
                    .append(Html.badge(match.verdict()))
                    .append(" A frame on <code>")
                    .append(Html.esc(match.point()))
                    .append("</code></h2>\n<p>")
                    .append(
                            match.verdict().passed()
                                    ? "The first frame that matches every row"
                                    : "No frame matches every row; this is the closest")
                    .append(", of the ")
                    .append(match.framesCaptured())
                    .append(" captured there.</p>\n");
            match.frame()
                    .ifPresent(frame -> body.append(FrameDiagram.render(frame, "frame-" + number, Set.of(), true)));
            body.append(FramesPage.expectations(match));
        }
        if (!evidence.kernelTables().isEmpty()) {
            body.append("<h2>Kernel tables</h2><div class=\"tables\">");
            evidence.kernelTables().forEach(t -> body.append(KernelTables.render(t)));
            body.append("</div>\n");
        }
        body.append(attachments(scenario));
        site.write(
                Site.scenarioHref(scenario),
                site.layout().page(scenario.name(), "../", "scenarios.html", body.toString()));
    }

    /**
     * Why it failed: first what differs (the fields, rows and hops that are not as expected, from the
     * structured evidence), then the step's message and the field diffs, then where the logs and the nodes'
     * state are.
     */
    private String failure(Scenario scenario, ScenarioEvidence evidence) {
        StringBuilder html = new StringBuilder("<section class=\"failure\"><h2>Why it failed</h2>");
        StringBuilder differs = new StringBuilder();
        int n = 0;
        for (FrameMatchEvidence match : evidence.frames()) {
            n++;
            if (match.verdict().passed()) {
                continue;
            }
            differs.append("<p>On <code>")
                    .append(Html.esc(match.point()))
                    .append("</code>, no frame of the ")
                    .append(match.framesCaptured())
                    .append(" captured matches; the closest one differs here (<a href=\"#frame-")
                    .append(n)
                    .append("\">see it drawn</a>):</p><table class=\"diff\"><thead><tr><th>field</th><th>expected</th>")
                    .append("<th>found</th></tr></thead><tbody>");
            for (FrameMatchEvidence.Row row : match.rows()) {
                if (!row.ok()) {
                    differs.append("<tr class=\"bad\"><td><code>")
                            .append(Html.esc(row.fieldName()))
                            .append("</code></td><td><code>")
                            .append(Html.esc(row.expectedValue()))
                            .append("</code></td><td><code>")
                            .append(Html.esc(row.actual()))
                            .append("</code></td></tr>");
                }
            }
            for (FrameMatchEvidence.RuleViolation violation : match.ruleViolations()) {
                differs.append("<tr class=\"bad\"><td><code>")
                        .append(Html.esc(violation.field()))
                        .append("</code></td><td><code>")
                        .append(Html.esc(violation.expected()))
                        .append("</code></td><td><code>")
                        .append(Html.esc(violation.actual()))
                        .append("</code></td></tr>");
            }
            differs.append("</tbody></table>");
        }
        for (KernelTableEvidence table : evidence.kernelTables()) {
            table.expected().stream().filter(row -> !row.found()).forEach(row -> differs.append("<p>")
                    .append(Html.esc(table.node()))
                    .append("'s <code>")
                    .append(Html.esc(table.command()))
                    .append("</code> lacks <code>")
                    .append(Html.esc(KernelTables.line(table, row.cells())))
                    .append("</code></p>"));
        }
        for (HopTraceEvidence trace : evidence.hops()) {
            trace.hops().stream().filter(hop -> !hop.problems().isEmpty()).forEach(hop -> differs.append("<p>The ")
                    .append(Html.esc(trace.packet()))
                    .append(" at <code>")
                    .append(Html.esc(hop.point()))
                    .append("</code>: ")
                    .append(Html.esc(String.join("; ", hop.problems())))
                    .append("</p>"));
        }
        boolean structured = differs.length() > 0;
        html.append(differs);
        scenario.failureMessage().ifPresent(m -> html.append("<details")
                .append(structured ? "" : " open")
                .append("><summary>The failed step's message</summary><pre class=\"error\">")
                .append(Html.esc(m))
                .append("</pre></details>"));
        html.append("<p>The implementation's logs and each node's state at the end of the scenario:</p><ul>");
        for (Attachment a : scenario.attachments()) {
            if (a.name().startsWith("flanneld")
                    || a.name().endsWith("kernel state.txt")
                    || a.name().startsWith("etcd")
                    || a.name().startsWith("field diff")) {
                html.append("<li><a href=\"#")
                        .append(anchor(a))
                        .append("\">")
                        .append(Html.esc(a.name()))
                        .append("</a></li>");
            }
        }
        return html.append("</ul></section>\n").toString();
    }

    private String attachments(Scenario scenario) {
        if (scenario.attachments().isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h2>Evidence attached</h2>\n<ul class=\"downloads\">");
        for (Attachment a : scenario.attachments()) {
            if (a.isPcap()) {
                html.append("<li><a class=\"download\" href=\"../")
                        .append(site.files().href(a))
                        .append("\" download>")
                        .append(Html.esc(a.name()))
                        .append("</a> <span class=\"muted small\">")
                        .append(a.body().length)
                        .append(" bytes, open with Wireshark or <code>tcpdump -r</code></span></li>");
            }
        }
        html.append("</ul>\n");
        boolean failed = scenario.status().isProblem();
        for (Attachment a : scenario.attachments()) {
            if (a.isPcap() || a.isJson() || !a.isText()) {
                continue;
            }
            boolean open =
                    failed && (a.name().startsWith("field diff") || a.name().startsWith("flanneld"));
            html.append("<details class=\"attachment\" id=\"")
                    .append(anchor(a))
                    .append('"')
                    .append(open ? " open" : "")
                    .append("><summary>")
                    .append(Html.esc(a.name()))
                    .append(" <a href=\"../")
                    .append(site.files().href(a))
                    .append("\">(file)</a></summary><pre>");
            String text = a.text();
            html.append(Html.esc(
                            text.length() > INLINE_TEXT_LIMIT
                                    ? text.substring(0, INLINE_TEXT_LIMIT) + "\n… (cut: see the file)"
                                    : text))
                    .append("</pre></details>\n");
        }
        List<Attachment> json =
                scenario.attachments().stream().filter(Attachment::isJson).toList();
        if (!json.isEmpty()) {
            html.append("<p class=\"small muted\">Structured evidence (what the pictures above are drawn from): ");
            for (Attachment a : json) {
                html.append("<a href=\"../")
                        .append(site.files().href(a))
                        .append("\">")
                        .append(Html.esc(a.name()))
                        .append("</a> ");
            }
            html.append("</p>\n");
        }
        return html.toString();
    }

    private String anchor(Attachment a) {
        String href = site.files().href(a);
        return "att-" + Slugs.of(href.substring(href.lastIndexOf('/') + 1));
    }

    static String table(List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<table class=\"gherkin\">");
        for (int i = 0; i < rows.size(); i++) {
            html.append("<tr>");
            for (String cell : rows.get(i)) {
                html.append(i == 0 ? "<th>" : "<td>").append(Html.esc(cell)).append(i == 0 ? "</th>" : "</td>");
            }
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }

    /** A description: blank lines part paragraphs; indented lines (listings) stay as they are. */
    static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String block : text.split("\\n\\s*\\n")) {
            if (block.lines().allMatch(l -> l.startsWith("    ") || l.isBlank())) {
                html.append("<pre>")
                        .append(Html.esc(block.stripIndent().strip()))
                        .append("</pre>");
            } else {
                html.append("<p>")
                        .append(Html.inline(block.strip()).replace("\n", "<br>"))
                        .append("</p>");
            }
        }
        return html.toString();
    }
}
