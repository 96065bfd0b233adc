package org.flannel.harness.reports.pages;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.flannel.harness.contracts.evidence.PingSeriesEvidence;
import org.flannel.harness.reports.drawing.Html;
import org.flannel.harness.reports.drawing.TimelinePicture;
import org.flannel.harness.reports.evidence.FaultTimeline;
import org.flannel.harness.reports.model.Attachment;
import org.flannel.harness.reports.model.Feature;
import org.flannel.harness.reports.model.Scenario;
import org.flannel.harness.reports.model.Slugs;
import org.flannel.harness.reports.model.Status;

/**
 * Faults over time: every scenario of the run tagged {@code @faults} on a time axis, from its own messages and
 * evidence: its steps as they ran (the faults marked), what happened to etcd and to each node, and the pings left
 * running across the fault, request by request; under each drawing, what the pings saw while each fault lasted and
 * every event in order.
 */
public final class FaultsPage {
    public static final String HREF = "faults.html";
    private final Site site;

    public FaultsPage(Site site) {
        this.site = site;
    }

    /** The fault scenarios the run ran, in the order of their features. */
    public static List<Scenario> scenarios(Site site) {
        return site.run().executed().stream().filter(FaultTimeline::applies).toList();
    }

    /** A fault scenario's place on this page, from a page {@code root} away from the site's root. */
    public static String href(Scenario scenario, String root) {
        return root + HREF + "#" + anchor(scenario);
    }

    static String anchor(Scenario scenario) {
        return "over-time-" + scenario.slug();
    }

    public void write() {
        StringBuilder body = new StringBuilder(
                        "<h1>Faults over time</h1>\n<p class=\"lead\">A cluster is judged by what it does ")
                .append(
                        "when things go wrong: etcd stops or loses its history, an agent is killed or stopped, a node reboots, a ")
                .append(
                        "lease is rewritten or deleted behind the agents' backs, junk arrives on a port. Each scenario below is ")
                .append(
                        "drawn on a time axis, in seconds since it began, from this run's own record: every step where it ran ")
                .append(
                        "(Cucumber's start and end of each step), what happened to etcd and to each node, and the pings left ")
                .append("running across the fault, request by request.</p>\n")
                .append(legend());
        List<Scenario> faults = scenarios(site);
        if (faults.isEmpty()) {
            body.append(
                    "<p class=\"muted\">This run ran no scenario tagged <code>@faults</code> (a tag filter left them out).</p>\n");
        }
        for (Feature feature : site.run().features()) {
            List<Scenario> scenarios = feature.scenarios().stream()
                    .filter(FaultTimeline::applies)
                    .filter(s -> s.status() != Status.NOT_RUN)
                    .toList();
            if (scenarios.isEmpty()) {
                continue;
            }
            body.append("<section class=\"fault-feature\" id=\"")
                    .append(Slugs.of(feature.path()))
                    .append("\"><h2>")
                    .append(Html.esc(feature.name()))
                    .append(' ')
                    .append(Html.badge(feature.status()))
                    .append("</h2>")
                    .append("<p class=\"small muted\"><code>")
                    .append(Html.esc(feature.path()))
                    .append("</code></p>\n");
            for (Scenario scenario : scenarios) {
                body.append(section(scenario));
            }
            body.append("</section>\n");
        }
        site.write(HREF, site.layout().page("Faults over time", "", HREF, body.toString()));
    }

    private String section(Scenario scenario) {
        StringBuilder html = new StringBuilder("<section class=\"fault-scenario\" id=\"")
                .append(anchor(scenario))
                .append("\"><h3>")
                .append(Site.scenarioLink(scenario, ""))
                .append(' ')
                .append(Html.badge(scenario.status()));
        scenario.requirementIds().forEach(id -> html.append(" <span class=\"req\">")
                .append(Html.esc(id))
                .append("</span>"));
        scenario.level().ifPresent(level -> html.append(" <span class=\"level\">")
                .append(Html.esc(level))
                .append("</span>"));
        html.append("</h3>\n");
        Optional<FaultTimeline> timeline = timeline(site, scenario);
        if (timeline.isEmpty()) {
            return html.append("<p class=\"muted\">Not run in this run: nothing to draw.</p></section>\n")
                    .toString();
        }
        html.append(drawn(
                timeline.get(), "timeline-" + scenario.slug(), a -> site.files().href(a)));
        return html.append("</section>\n").toString();
    }

    static Optional<FaultTimeline> timeline(Site site, Scenario scenario) {
        return FaultTimeline.of(scenario, site.showcase().evidence(scenario));
    }

    /** What the pings saw during each fault, the drawing, and every event in order. */
    static String drawn(FaultTimeline timeline, String id, Function<Attachment, String> href) {
        StringBuilder html = new StringBuilder("<ul class=\"during\">");
        timeline.steps().stream()
                .filter(s -> s.step().status().isProblem())
                .findFirst()
                .ifPresent(failed -> html.append("<li class=\"failed\">")
                        .append(Html.badge(failed.step().status()))
                        .append(" at ")
                        .append(TimelinePicture.time(failed.start()))
                        .append(": <b>")
                        .append(Html.esc(failed.label()))
                        .append("</b>")
                        .append(
                                failed.step().message() == null
                                        ? ""
                                        : ": "
                                                + Html.esc(
                                                        firstLine(failed.step().message())))
                        .append("</li>"));
        for (FaultTimeline.During during : timeline.during()) {
            html.append("<li><b>")
                    .append(Html.esc(during.lane().name()))
                    .append("</b>: ")
                    .append(Html.esc(
                            during.period().detail().isEmpty()
                                    ? during.period().label()
                                    : during.period().detail()))
                    .append(", from ")
                    .append(TimelinePicture.time(during.period().from()))
                    .append(" to ")
                    .append(TimelinePicture.time(during.period().to()))
                    .append(" (")
                    .append(String.format(Locale.ROOT, "%.1f s", during.period().duration()))
                    .append(')');
            for (Map.Entry<FaultTimeline.PingTrack, FaultTimeline.Counts> ping :
                    during.pings().entrySet()) {
                FaultTimeline.Counts counts = ping.getValue();
                html.append("; meanwhile ")
                        .append(Html.esc(ping.getKey().label()))
                        .append(": ")
                        .append(counts.sent())
                        .append(counts.sent() == 1 ? " request" : " requests")
                        .append(", ")
                        .append(counts.answered())
                        .append(" answered")
                        .append(counts.lost() > 0 ? ", <b class=\"bad\">" + counts.lost() + " lost</b>" : "")
                        .append(
                                counts.inFlight() > 0
                                        ? ", " + counts.inFlight() + " still in flight when the ping was stopped"
                                        : "");
            }
            html.append("</li>");
        }
        for (FaultTimeline.PingTrack track : timeline.pings()) {
            PingSeriesEvidence series = track.series();
            html.append("<li>Pings ")
                    .append(Html.esc(track.label()))
                    .append(", every ")
                    .append(String.format(Locale.ROOT, "%.1f s", track.interval()))
                    .append(": ")
                    .append(track.ticks().size())
                    .append(" requests, ")
                    .append(Html.esc(TimelinePicture.counts(track)));
            if (series.verdict().isPresent()) {
                html.append("; the check allowed ")
                        .append(series.allowedLosses().map(String::valueOf).orElse("?"))
                        .append(series.allowedLosses().orElse(0) == 1 ? " loss " : " losses ")
                        .append(Html.badge(series.verdict().get()));
            } else {
                html.append("; no step judged it (the scenario ended first)");
            }
            html.append("</li>");
        }
        html.append("</ul>\n<figure class=\"picture timeline-figure\">")
                .append(TimelinePicture.render(timeline, id, href))
                .append("</figure>\n");
        List<FaultTimeline.Event> events = timeline.events();
        html.append("<details class=\"events\"><summary>Every event, in order (")
                .append(events.size())
                .append(
                        ")</summary><table class=\"events\"><thead><tr><th>at</th><th>lasted</th><th>where</th><th>what</th>")
                .append("<th></th></tr></thead><tbody>");
        for (FaultTimeline.Event event : events) {
            html.append("<tr class=\"")
                    .append(event.cssClass())
                    .append("\"><td class=\"num\">")
                    .append(TimelinePicture.time(event.at()))
                    .append("</td><td class=\"num\">")
                    .append(event.lasted() > 0.05 ? TimelinePicture.time(event.lasted()) : "")
                    .append("</td><td>")
                    .append(Html.esc(event.where()))
                    .append("</td><td>")
                    .append(Html.esc(event.what()))
                    .append("</td><td class=\"small\">")
                    .append(detail(event.detail()))
                    .append("</td></tr>");
        }
        return html.append("</tbody></table></details>\n").toString();
    }

    /** One line as it is; more (a table read, etcd's keys) folded under the first. */
    private static String detail(String text) {
        String stripped = text == null ? "" : text.strip();
        int newline = stripped.indexOf('\n');
        if (newline < 0) {
            return Html.esc(firstLine(stripped));
        }
        return "<details><summary>" + Html.esc(firstLine(stripped)) + "</summary><pre>"
                + Html.esc(stripped.substring(newline + 1)) + "</pre></details>";
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.length() > 240 ? line.substring(0, 239) + "…" : line;
    }

    /** How to read the drawings. */
    static String legend() {
        return "<div class=\"timeline-legend\"><span><i class=\"sw fault\"></i>a fault (a dashed line marks when it began)</span>"
                + "<span><i class=\"sw setup\"></i>set-up</span><span><i class=\"sw action\"></i>an action</span>"
                + "<span><i class=\"sw check-passed\"></i>a check passed</span><span><i class=\"sw check-failed\"></i>a check failed</span>"
                + "<span><i class=\"sw down\"></i>etcd or an agent down</span>"
                + "<span><i class=\"sw table\"></i>a kernel table a check read, green or red by its verdict</span>"
                + "<span><i class=\"sw evidence\"></i>state read at the end (a link to the file)</span>"
                + "<span><i class=\"sw answered\"></i>echo request answered</span><span><i class=\"sw lost\"></i>lost</span>"
                + "<span><i class=\"sw in-flight\"></i>in flight when the ping stopped</span></div>\n"
                + "<p class=\"small muted\">Hover over any bar or mark for what it is, when, and its verdict. Times come from the "
                + "run: a step's from Cucumber's TestStepStarted and TestStepFinished, a table's or a file's from when it was "
                + "attached, a request's from ping's own timestamp (<code>ping -D</code>).</p>\n";
    }

    /** The scenario page's section: the same drawing, and the way to the others. */
    public static String onScenarioPage(Site site, Scenario scenario) {
        Optional<FaultTimeline> timeline = timeline(site, scenario);
        if (!FaultTimeline.applies(scenario)) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h2 id=\"over-time\">Over time</h2>\n");
        if (timeline.isEmpty() || scenario.status() == Status.NOT_RUN) {
            return html.append("<p class=\"muted\">Not run: nothing to draw (<a href=\"../")
                    .append(HREF)
                    .append("\">the fault scenarios this run ran</a>).</p>\n")
                    .toString();
        }
        html.append("<p>This scenario's fault on a time axis; <a href=\"")
                .append(href(scenario, "../"))
                .append("\">every fault scenario of the run on the Faults over time page</a>.</p>\n");
        return html.append(legend())
                .append(drawn(
                        timeline.get(), "timeline", a -> "../" + site.files().href(a)))
                .toString();
    }
}
