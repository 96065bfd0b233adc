package org.flannel.harness.reports.pages;

import org.flannel.harness.reports.drawing.Html;
import org.flannel.harness.reports.model.Feature;
import org.flannel.harness.reports.model.Slugs;

/** Every feature of the run with its description and scenarios, each scenario a link to its page. */
public final class ScenariosPage {
    private final Site site;

    public ScenariosPage(Site site) {
        this.site = site;
    }

    public void write() {
        StringBuilder body = new StringBuilder(
                        "<h1>Scenarios</h1>\n<p class=\"lead\">The features state Flannel's behaviour; ")
                .append(
                        "each scenario was run against the implementation and judged from the outside. Every scenario has a page ")
                .append("with its steps, the captures and tables it judged, and everything it attached.</p>\n");
        for (Feature feature : site.run().features()) {
            if (feature.scenarios().isEmpty()) {
                continue;
            }
            body.append("<section class=\"feature\" id=\"")
                    .append(Slugs.of(feature.path()))
                    .append("\"><h2>")
                    .append(Html.esc(feature.name()))
                    .append(' ')
                    .append(Html.badge(feature.status()))
                    .append("</h2>")
                    .append("<p class=\"small muted\"><code>")
                    .append(Html.esc(feature.path()))
                    .append("</code> ")
                    .append(Html.esc(String.join(" ", feature.tags())))
                    .append("</p>");
            if (!feature.description().isBlank()) {
                body.append("<div class=\"description\">")
                        .append(ScenarioPage.paragraphs(feature.description()))
                        .append("</div>");
            }
            body.append(Site.scenarioList(feature.scenarios(), "")).append("</section>\n");
        }
        site.write("scenarios.html", site.layout().page("Scenarios", "", "scenarios.html", body.toString()));
    }
}
