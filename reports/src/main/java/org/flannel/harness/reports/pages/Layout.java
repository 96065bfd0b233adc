package org.flannel.harness.reports.pages;

import java.util.List;
import org.flannel.harness.reports.drawing.Html;
import org.flannel.harness.reports.model.RunInfo;

/** The frame every page shares: head, navigation, footer; links relative to the page's depth. */
public final class Layout {
    record NavItem(String href, String label) {}

    static final List<NavItem> NAV = List.of(
            new NavItem("index.html", "Overview"),
            new NavItem("seed.html", "The seed"),
            new NavItem("flow.html", "The VXLAN flow"),
            new NavItem("frames.html", "Frames on the wire"),
            new NavItem("kernel.html", "Kernel tables"),
            new NavItem(FaultsPage.HREF, "Faults over time"),
            new NavItem("scenarios.html", "Scenarios"));

    private final RunInfo info;
    private final List<NavItem> nav;

    public Layout(RunInfo info) {
        this(info, false);
    }

    /** @param performance whether the site has a performance page (a bench JSON was there): it joins the navigation */
    public Layout(RunInfo info, boolean performance) {
        this.info = info;
        List<NavItem> items = new java.util.ArrayList<>(NAV);
        if (performance) {
            items.add(new NavItem(PerformancePage.HREF, PerformancePage.TITLE));
        }
        this.nav = List.copyOf(items);
    }

    /**
     * A whole page.
     *
     * @param root   the way from the page to the site's root: "" or "../"
     * @param active the navigation entry to mark (its href), or ""
     */
    public String page(String title, String root, String active, String body) {
        StringBuilder html = new StringBuilder(body.length() + 4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(Html.esc(title))
                .append(" · Flannel, from real captures</title>\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<link rel=\"stylesheet\" href=\"")
                .append(root)
                .append("assets/style.css\">\n")
                .append("<script src=\"")
                .append(root)
                .append("assets/site.js\" defer></script>\n")
                .append("</head>\n<body>\n<header class=\"top\"><div class=\"wrap\">")
                .append("<a class=\"brand\" href=\"")
                .append(root)
                .append("index.html\">Flannel, from real captures</a>")
                .append("<nav>");
        for (NavItem item : nav) {
            html.append("<a href=\"")
                    .append(root)
                    .append(item.href())
                    .append('"')
                    .append(item.href().equals(active) ? " class=\"active\"" : "")
                    .append('>')
                    .append(Html.esc(item.label()))
                    .append("</a>");
        }
        html.append("</nav>")
                .append(Html.badge(info.status()))
                .append("</div></header>\n<main class=\"wrap\">\n")
                .append(body)
                .append("\n</main>\n<footer class=\"wrap\">Made by <code>mvn verify</code> from the run of ")
                .append(Html.esc(info.date()))
                .append(" · implementation ")
                .append(Html.esc(info.implementationName()))
                .append(" · driver ")
                .append(Html.esc(info.driver()))
                .append(" · every value on these pages was captured in that run.</footer>\n</body>\n</html>\n");
        return html.toString();
    }
}
