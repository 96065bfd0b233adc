package org.flannel.harness.reports.pages;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flannel.harness.contracts.conformance.Backends;
import org.flannel.harness.contracts.conformance.Requirement;
import org.flannel.harness.contracts.conformance.RequirementVerdicts;
import org.flannel.harness.contracts.conformance.Verdict;
import org.flannel.harness.reports.drawing.Html;
import org.flannel.harness.reports.drawing.TopologyPicture;
import org.flannel.harness.reports.model.Feature;
import org.flannel.harness.reports.model.Run;
import org.flannel.harness.reports.model.RunInfo;
import org.flannel.harness.reports.model.RunVerdicts;
import org.flannel.harness.reports.model.Scenario;
import org.flannel.harness.reports.model.Slugs;
import org.flannel.harness.reports.model.Status;

/**
 * The front page: what Flannel is in three sentences, where to start reading, the verdicts (requirement by
 * requirement with contracts' model, as conformance.json has them, per backend and per implementation; each
 * feature's scenarios) and how the run was made.
 */
public final class IndexPage {
    private final Site site;

    public IndexPage(Site site) {
        this.site = site;
    }

    public void write() {
        Run run = site.run();
        RunInfo info = site.info();
        List<Scenario> executed = run.executed();
        StringBuilder body = new StringBuilder();
        body.append(
                        "<h1>Flannel, taught from real captures</h1>\n<p class=\"lead\">In a Kubernetes cluster every pod gets ")
                .append(
                        "its own IP address, and any pod must reach any other, whichever node it runs on. Flannel does that: ")
                .append(
                        "it leases each node a subnet (10.1.15.0/24 for node1, 10.1.16.0/24 for node2) and carries the pods' ")
                .append(
                        "packets between nodes with a <em>backend</em> — VXLAN, udp or host-gw. These pages explain how, ")
                .append("statement by statement from the document the project starts from, and show each statement ")
                .append(
                        "happening: packets captured on the wire, the nodes' kernel tables, with the verdict of every check.</p>\n");
        RunVerdicts verdicts = RunVerdicts.of(executed);
        body.append("<div class=\"verdict-banner ")
                .append(info.status().cssClass())
                .append("\">")
                .append(Html.badge(info.status()))
                .append(" <b>")
                .append(verdicts.requirements().size())
                .append(verdicts.requirements().size() == 1 ? " requirement" : " requirements")
                .append("</b>: ")
                .append(Html.esc(verdicts.verdicts().summary()))
                .append(" · ")
                .append(summary(executed))
                .append("</div>\n");

        body.append("<div class=\"cards\">")
                .append(
                        card(
                                "seed.html",
                                "The seed, statement by statement",
                                "The Chinese original beside its English rendering; under each statement, the scenarios that demonstrate it."))
                .append(
                        card(
                                "flow.html",
                                "Follow a packet through VXLAN",
                                "The seed's seven steps, with one ping captured at every device from container-1 to container-2 and back."))
                .append(card(
                        "frames.html",
                        "Frames on the wire",
                        "The seed's header diagram filled with a captured frame's values, for VXLAN, udp and host-gw."))
                .append(
                        card(
                                "kernel.html",
                                "Kernel tables",
                                "route -n, ip neigh, bridge fdb as the seed prints them, read on the nodes, beside the expected rows."));
        if (!FaultsPage.scenarios(site).isEmpty()) {
            body.append(card(
                    FaultsPage.HREF,
                    "Faults over time",
                    "etcd stopped, agents killed, nodes rebooted, leases rewritten: each fault scenario on a time axis, with "
                            + "what happened to etcd and the nodes, and the pings that got through."));
        }
        body.append("</div>\n");

        site.showcase().topology().ifPresent(pick -> body.append("<figure class=\"picture\">")
                .append(TopologyPicture.render(
                        pick.evidence(),
                        TopologyPicture.tunnelFor(pick.scenario().backends()),
                        "the topology most scenarios run on"))
                .append("<figcaption>What most scenarios build (here for ")
                .append(Site.scenarioLink(pick.scenario(), ""))
                .append(
                        "): nodes on an underlay segment, a pod on each, and etcd, where every node publishes its lease. ")
                .append("Everything lives in network namespaces made for the run.</figcaption></figure>\n"));

        body.append(
                        "<h2>Verdicts</h2>\n<p class=\"small muted\">Requirement by requirement, as conformance.json judges")
                .append(
                        " them: an outline's examples make one requirement, which passes only if all of them pass; n/a:")
                .append(" its backend is not declared.</p>\n<div class=\"verdicts\">");
        body.append(group("Per backend", byBackend(verdicts.requirements())));
        body.append(group("Per implementation", byImplementation(executed, info)));
        body.append(
                        "</div>\n<h3>Per feature</h3>\n<table class=\"per-feature\"><thead><tr><th>feature</th><th>scenarios</th>")
                .append("<th>verdict</th></tr></thead><tbody>");
        for (Feature feature : run.features()) {
            if (feature.scenarios().isEmpty()) {
                continue;
            }
            body.append("<tr><td><a href=\"scenarios.html#")
                    .append(Slugs.of(feature.path()))
                    .append("\">")
                    .append(Html.esc(feature.name()))
                    .append("</a><br><small class=\"muted\">")
                    .append(Html.esc(feature.path()))
                    .append("</small></td><td class=\"dots\">");
            for (Scenario s : feature.scenarios()) {
                body.append("<a class=\"dot-link ")
                        .append(s.status().cssClass())
                        .append("\" href=\"")
                        .append(Site.scenarioHref(s))
                        .append("\" title=\"")
                        .append(Html.esc(s.name() + " · " + s.status().word()))
                        .append("\"><span class=\"dot\"></span></a>");
            }
            body.append("</td><td>").append(Html.badge(feature.status())).append("</td></tr>");
        }
        body.append("</tbody></table>\n");

        body.append(failures(verdicts));

        body.append("<h2>How this run was made</h2>\n<dl class=\"run-info\">")
                .append(item(
                        "implementation",
                        Html.esc(info.implementationName())
                                + (info.implementation().isBlank()
                                        ? ""
                                        : "<br><small><code>" + Html.esc(info.implementation()) + "</code></small>")))
                .append(item("topology driver", Html.esc(info.driverName())))
                .append(item("date", Html.esc(info.date())))
                .append(item("duration", Html.esc(info.duration())))
                .append(item(
                        "scenarios",
                        executed.size() + " run"
                                + (run.scenarios().size() > executed.size()
                                        ? ", " + (run.scenarios().size() - executed.size()) + " not run"
                                        : "")))
                .append(item("Cucumber", Html.esc(info.cucumber())))
                .append(item("Java", Html.esc(info.runtime())))
                .append(item("operating system", Html.esc(info.os())))
                .append(item(
                        "commit",
                        info.commit().isBlank() ? "not known" : "<code>" + Html.esc(info.commit()) + "</code>"))
                .append("</dl>\n");
        if (!site.extraLinks().isEmpty()) {
            body.append("<p>Also from this run: ");
            for (String link : site.extraLinks()) {
                String[] parts = link.split("\\|", 2);
                body.append("<a href=\"")
                        .append(Html.esc(parts[1]))
                        .append("\">")
                        .append(Html.esc(parts[0]))
                        .append("</a> · ");
            }
            body.setLength(body.length() - 3);
            body.append("</p>\n");
        }
        site.write("index.html", site.layout().page("Overview", "", "index.html", body.toString()));
    }

    static String summary(List<Scenario> scenarios) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        scenarios.forEach(s -> counts.merge(s.status(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((status, count) -> parts.add(count + " " + status.word()));
        return scenarios.size() + " scenarios: " + (parts.isEmpty() ? "none ran" : String.join(", ", parts));
    }

    /** The requirements of each backend (one of two backends for side-by-side networks counts for both). */
    static Map<String, List<Requirement>> byBackend(List<Requirement> requirements) {
        Map<String, List<Requirement>> groups = new LinkedHashMap<>();
        for (String backend : Backends.KNOWN) {
            groups.put(
                    backend,
                    requirements.stream()
                            .filter(r -> r.backends().contains(backend))
                            .toList());
        }
        List<Requirement> other =
                requirements.stream().filter(r -> r.backends().isEmpty()).toList();
        if (!other.isEmpty()) {
            groups.put("no backend tag", other);
        }
        return groups;
    }

    /** The implementation's requirements alone, and those judged beside the reference flanneld (interop). */
    static Map<String, List<Requirement>> byImplementation(List<Scenario> scenarios, RunInfo info) {
        Map<String, List<Requirement>> groups = new LinkedHashMap<>();
        groups.put(
                info.implementationName(),
                RunVerdicts.of(scenarios.stream().filter(s -> !s.isInterop()).toList())
                        .requirements());
        List<Scenario> mixed = scenarios.stream().filter(Scenario::isInterop).toList();
        if (!mixed.isEmpty()) {
            groups.put(
                    info.implementationName() + " beside the reference flanneld (interop)",
                    RunVerdicts.of(mixed).requirements());
        }
        return groups;
    }

    private static String group(String title, Map<String, List<Requirement>> groups) {
        StringBuilder html = new StringBuilder("<table class=\"per-group\"><caption>")
                .append(Html.esc(title))
                .append("</caption><tbody>");
        groups.forEach((name, requirements) -> {
            RequirementVerdicts verdicts = new RequirementVerdicts(requirements);
            int passed = verdicts.count(Verdict.PASS);
            int failed = verdicts.count(Verdict.FAIL);
            int notApplicable = verdicts.count(Verdict.NOT_APPLICABLE);
            html.append("<tr><th>")
                    .append(Html.esc(name))
                    .append("</th><td>")
                    .append(
                            requirements.isEmpty()
                                    ? "<span class=\"muted\">none ran</span>"
                                    : Html.badge(worst(requirements)))
                    .append("</td><td class=\"num\">")
                    .append(passed)
                    .append(" passed")
                    .append(failed > 0 ? ", " + failed + " failed" : "")
                    .append(" of ")
                    .append(requirements.size())
                    .append(requirements.size() == 1 ? " requirement" : " requirements")
                    .append(notApplicable > 0 ? " (" + notApplicable + " n/a)" : "")
                    .append("</td><td class=\"bar\">")
                    .append(bar(passed, failed, requirements.size()))
                    .append("</td></tr>");
        });
        return html.append("</tbody></table>").toString();
    }

    /** A group's badge: failed if one failed, passed if one passed, else skipped or n/a (shown as not run). */
    private static Status worst(List<Requirement> requirements) {
        return Status.worst(requirements.stream()
                .map(r -> switch (r.verdict()) {
                    case PASS -> Status.PASSED;
                    case FAIL -> Status.FAILED;
                    case SKIPPED -> Status.SKIPPED;
                    case NOT_APPLICABLE -> Status.NOT_RUN;
                })
                .toList());
    }

    /** The failed requirements, strictest level first, each with the scenarios that failed it. */
    private static String failures(RunVerdicts verdicts) {
        List<Requirement> failed = verdicts.verdicts().failed();
        if (failed.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h3>What failed</h3>\n<ul class=\"failed-requirements\">");
        for (Requirement requirement : failed) {
            html.append("<li><span class=\"level\">")
                    .append(requirement.level().name())
                    .append("</span> <span class=\"req\">")
                    .append(Html.esc(requirement.id()))
                    .append("</span> ")
                    .append(Html.esc(requirement.title()))
                    .append(Site.scenarioList(
                            verdicts.scenariosOf(requirement).stream()
                                    .filter(s -> s.status().isProblem())
                                    .toList(),
                            ""))
                    .append("</li>");
        }
        return html.append("</ul>\n").toString();
    }

    private static String bar(long passed, long failed, long total) {
        if (total == 0) {
            return "";
        }
        return "<span class=\"bar\"><span class=\"passed\" style=\"width:" + (100 * passed / total) + "%\"></span>"
                + "<span class=\"failed\" style=\"width:" + (100 * failed / total) + "%\"></span></span>";
    }

    private static String card(String href, String title, String text) {
        return "<a class=\"card\" href=\"" + href + "\"><b>" + Html.esc(title) + "</b><span>" + Html.esc(text)
                + "</span></a>";
    }

    private static String item(String term, String value) {
        return "<dt>" + Html.esc(term) + "</dt><dd>" + value + "</dd>";
    }
}
