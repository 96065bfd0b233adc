package org.flannel.harness.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteGeneratorTest {
    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

    @TempDir
    Path temp;

    private Path generate(String fixture) throws IOException {
        Path out = temp.resolve("site");
        SiteGenerator.generate(
                Fixtures.path(fixture), out, Optional.empty(), "/opt/flannel/flanneld", "netns", "abc1234");
        return out;
    }

    @Test
    void everyPageIsMadeWithTheEvidenceAsFiles() throws IOException {
        Path site = generate(Fixtures.PASSED);

        for (String page : List.of(
                "index.html",
                "seed.html",
                "flow.html",
                "frames.html",
                "kernel.html",
                "scenarios.html",
                "faults.html",
                "assets/style.css",
                "assets/site.js",
                "seed/flannel-notes.zh.md",
                "seed/README.md")) {
            assertThat(site.resolve(page)).as(page).isRegularFile();
        }
        try (Stream<Path> pcaps = Files.walk(site.resolve("evidence"))) {
            assertThat(pcaps.filter(p -> p.toString().endsWith(".pcap")).count())
                    .isGreaterThanOrEqualTo(10);
        }
        try (Stream<Path> pages = Files.list(site.resolve("scenarios"))) {
            assertThat(pages.count()).isEqualTo(5);
        }
        String index = Files.readString(site.resolve("index.html"));
        assertThat(index)
                .contains(
                        "/opt/flannel/flanneld",
                        "netns",
                        "abc1234",
                        "5 scenarios: 5 passed",
                        "cucumber-jvm",
                        "5 requirements</b>: MUST 5/5  SHOULD 0/0  MAY 0/0  n/a 0",
                        "5 passed of 5 requirements");
        String seed = Files.readString(site.resolve("seed.html"));
        assertThat(seed)
                .contains(
                        "TUN 设备是一种工作在三层",
                        "A TUN device is a virtual network device",
                        "id=\"vxlan-flow-3\"",
                        "3. 通过查询网关10.1.16.0的mac地址");
    }

    @Test
    void everyLinkOfEveryPageResolves() throws IOException {
        Path site = generate(Fixtures.PASSED);
        List<String> broken = brokenLinks(site);

        assertThat(broken).isEmpty();
    }

    @Test
    void aFailedRunShowsWhyOnTheScenarioPage() throws IOException {
        Path site = generate(Fixtures.FAILED);
        Path page;
        try (Stream<Path> pages = Files.list(site.resolve("scenarios"))) {
            page = pages.findFirst().orElseThrow();
        }
        String html = Files.readString(page);

        assertThat(html)
                .contains(
                        "Why it failed",
                        "field diff at node1:eth0",
                        "flanneld on node1.log",
                        "node1 kernel state.txt",
                        "data-field=\"vxlan.vni\"");
        assertThat(Files.readString(site.resolve("index.html")))
                .contains(
                        "What failed",
                        "1 failed",
                        "0 passed, 1 failed of 1 requirement",
                        "UNTAGGED 0/1 (judged as MUST)");
        assertThat(brokenLinks(site)).isEmpty();
    }

    @Test
    void theFaultsPageDrawsEveryFaultScenarioOnATimelineLinkedBothWays() throws IOException {
        Path site = generate(Fixtures.FAULTS);
        String faults = Files.readString(site.resolve("faults.html"));

        assertThat(count(faults, "<svg class=\"timeline\"")).isEqualTo(5);
        assertThat(faults)
                .contains(
                        "<h1>Faults over time</h1>",
                        "etcd goes away for a while",
                        "etcd down, from ",
                        "meanwhile container-1 → 10.1.16.3: ",
                        "the check allowed 0 losses",
                        "Every event, in order",
                        "node2</b>: rebooted: flannel&#39;s devices, routes and subnet file gone");
        assertThat(faults).doesNotContain("lost</b>");
        String index = Files.readString(site.resolve("index.html"));
        assertThat(index)
                .contains("<a class=\"card\" href=\"faults.html\">", "<a href=\"faults.html\">Faults over time</a>");
        for (String name :
                List.of(Fixtures.ETCD_OUTAGE, Fixtures.REBOOT, Fixtures.SIGTERM, Fixtures.JUNK, Fixtures.COMPACTION)) {
            org.flannel.harness.reports.model.Scenario scenario =
                    Fixtures.scenario(Fixtures.run(Fixtures.FAULTS), name);
            assertThat(faults).as(name).contains("id=\"over-time-" + scenario.slug() + "\"");
            String page = Files.readString(site.resolve("scenarios/" + scenario.slug() + ".html"));
            assertThat(page)
                    .as(name)
                    .contains(
                            "<h2 id=\"over-time\">Over time</h2>",
                            "<svg class=\"timeline\" id=\"timeline\"",
                            "href=\"../faults.html#over-time-" + scenario.slug() + "\"");
        }
        assertThat(brokenLinks(site)).isEmpty();
        assertThat(duplicateIds(site)).isEmpty();
    }

    @Test
    void aFailedFaultScenarioShowsWhereItFailedAndWhatThePingsLost() throws IOException {
        Path site = generate(Fixtures.FAULTS_FAILED);
        String faults = Files.readString(site.resolve("faults.html"));

        assertThat(count(faults, "<svg class=\"timeline\"")).isEqualTo(1);
        assertThat(faults)
                .contains(
                        "<li class=\"failed\">",
                        "<b>Then flanneld on node1 is still running</b>",
                        "no step judged it (the scenario ended first)",
                        "<b class=\"bad\">",
                        "<g class=\"step check failed\"",
                        "<rect class=\"lost\"");
        assertThat(brokenLinks(site)).isEmpty();
    }

    @Test
    void aRunWithoutFaultScenariosSaysSoAndTheFrontPageOffersNone() throws IOException {
        Path site = generate(Fixtures.PASSED);

        assertThat(Files.readString(site.resolve("faults.html")))
                .contains("This run ran no scenario tagged <code>@faults</code>");
        assertThat(Files.readString(site.resolve("index.html"))).doesNotContain("class=\"card\" href=\"faults.html\"");
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    @Test
    void withoutMessagesNothingIsMadeAndTheBuildGoesOn() throws IOException {
        Path out = temp.resolve("site");
        PrintStream previous = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            SiteGenerator.main(new String[] {"--messages=" + temp.resolve("none.ndjson"), "--out=" + out});
        } finally {
            System.setOut(previous);
        }
        assertThat(out).doesNotExist();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("no run to document");
    }

    @Test
    void aFolderItDidNotMakeIsNeverEmptied() throws IOException {
        Path foreign = Files.createDirectories(temp.resolve("mine"));
        Files.writeString(foreign.resolve("precious.txt"), "keep me");

        assertThatThrownBy(() ->
                        SiteGenerator.generate(Fixtures.path(Fixtures.PASSED), foreign, Optional.empty(), "", "", ""))
                .isInstanceOf(IllegalStateException.class);
        assertThat(foreign.resolve("precious.txt")).exists();
    }

    @Test
    void filesBesideTheMessagesAreLinked() throws IOException {
        Path reports = Files.createDirectories(temp.resolve("target/cucumber"));
        Files.copy(Fixtures.path(Fixtures.PASSED), reports.resolve("messages.ndjson"));
        Files.writeString(reports.resolve("conformance.json"), "{}");
        Path site = temp.resolve("target/site");
        SiteGenerator.generate(reports.resolve("messages.ndjson"), site, Optional.empty(), "", "", "");

        assertThat(site.resolve("conformance.json")).exists();
        assertThat(Files.readString(site.resolve("index.html")))
                .contains("href=\"conformance.json\"", "href=\"../cucumber/messages.ndjson\"");
        assertThat(brokenLinks(site)).isEmpty();
    }

    @Test
    void noPageHasTheSameIdTwice() throws IOException {
        assertThat(duplicateIds(generate(Fixtures.PASSED))).isEmpty();
    }

    /** Ids that appear more than once on a page. */
    static List<String> duplicateIds(Path site) throws IOException {
        Pattern id = Pattern.compile(" id=\"([^\"]+)\"");
        List<String> twice = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path page : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = id.matcher(Files.readString(page));
                java.util.Set<String> seen = new java.util.HashSet<>();
                while (m.find()) {
                    if (!seen.add(m.group(1))) {
                        twice.add(site.relativize(page) + ": " + m.group(1));
                    }
                }
            }
        }
        return twice;
    }

    /** Every href and src of every page: a file that exists, with the anchor it names; nothing outside. */
    static List<String> brokenLinks(Path site) throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).toList();
        }
        for (Path page : pages) {
            String html = Files.readString(page);
            Matcher m = LINK.matcher(html);
            while (m.find()) {
                String link = m.group(1).replace("&amp;", "&");
                if (link.startsWith("data:")) {
                    continue;
                }
                if (link.matches("^[a-z]+:.*")) {
                    broken.add(site.relativize(page) + ": external " + link);
                    continue;
                }
                String file = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
                String anchor = link.contains("#") ? link.substring(link.indexOf('#') + 1) : "";
                Path target = file.isEmpty()
                        ? page
                        : page.getParent()
                                .resolve(URLDecoder.decode(file, StandardCharsets.UTF_8))
                                .normalize();
                if (!Files.exists(target)) {
                    broken.add(site.relativize(page) + ": " + link);
                } else if (!anchor.isEmpty() && !Files.readString(target).contains("id=\"" + anchor + "\"")) {
                    broken.add(site.relativize(page) + ": " + link + " (no such anchor)");
                }
            }
        }
        return broken;
    }
}
