package org.flannel.harness.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import org.flannel.harness.reports.model.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The site as a person sees it: generated from runs of known captures, opened page by page in headless
 * Chromium (Debian's chromium and chromium-driver). Fails on any console error and any link or source that
 * does not resolve; checks that the frame diagram shows the captured values, and that the faults page draws each
 * fault scenario on its time axis; keeps screenshots of the front page, the frame diagram and a fault's timeline in
 * target/screenshots.
 *
 * <p>Skipped, with the reason, where Chromium is not installed, unless {@code -Dflannel.chromium.required=true}
 * (CI), which makes a missing Chromium a failure.
 */
class SiteInBrowserIT {
    static final Path CHROMIUM = Path.of(System.getProperty("flannel.chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("flannel.chromium.driver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of(System.getProperty("flannel.reports.screenshots", "target/screenshots"));

    private static WebDriver browser;
    private static Path passedSite;
    private static Path failedSite;
    private static Path faultsSite;
    private static Path faultsFailedSite;
    private static String skipped;

    @BeforeEach
    void skipWithoutChromium() {
        Assumptions.assumeTrue(skipped == null, () -> skipped);
    }

    @BeforeAll
    static void openBrowser() throws IOException {
        boolean required = Boolean.getBoolean("flannel.chromium.required");
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "headless Chromium is needed to render the site: " + CHROMIUM + " and " + CHROMEDRIVER
                    + " must be installed (apt-get install chromium chromium-driver; scripts/setup.sh does it)";
            if (required) {
                fail(why + " (-Dflannel.chromium.required=true)");
            }
            skipped = why + "; skipped because -Dflannel.chromium.required is not true";
            System.out.println("SiteInBrowserIT: " + skipped);
            return;
        }
        Path sites =
                Files.createDirectories(Path.of("target", "browser-test-sites")).toAbsolutePath();
        passedSite = sites.resolve("passed");
        failedSite = sites.resolve("failed");
        SiteGenerator.generate(
                Fixtures.path(Fixtures.PASSED),
                passedSite,
                Optional.empty(),
                "/work/reference-impl/target/flanneld",
                "netns",
                "fixture");
        SiteGenerator.generate(
                Fixtures.path(Fixtures.FAILED),
                failedSite,
                Optional.empty(),
                "/work/features/impls/broken/wrong-vni/flanneld",
                "netns",
                "fixture");
        faultsSite = sites.resolve("faults");
        faultsFailedSite = sites.resolve("faults-failed");
        SiteGenerator.generate(
                Fixtures.path(Fixtures.FAULTS),
                faultsSite,
                Optional.empty(),
                "/work/reference-impl/target/flanneld",
                "netns",
                "fixture");
        SiteGenerator.generate(
                Fixtures.path(Fixtures.FAULTS_FAILED),
                faultsFailedSite,
                Optional.empty(),
                "/work/features/impls/broken/dies-after-ready/flanneld",
                "netns",
                "fixture");

        // Never let Selenium look for or download a driver or a browser: both are Debian's.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--window-size=1280,1000",
                "--force-device-scale-factor=1",
                "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyPageOpensWithoutAConsoleErrorOrABrokenLink() throws IOException {
        for (Path site : List.of(passedSite, failedSite, faultsSite, faultsFailedSite)) {
            List<String> problems = new ArrayList<>();
            Set<Path> visited = crawl(site, problems);
            assertThat(visited).as("pages opened in %s", site).hasSizeGreaterThanOrEqualTo(8);
            assertThat(problems)
                    .as("console errors and broken links in %s", site)
                    .isEmpty();
        }
    }

    @Test
    void theFrameDiagramShowsTheCapturedValues() throws IOException {
        open(passedSite.resolve("frames.html"));
        WebElement figure = browser.findElement(By.id("diagram-vxlan"));

        assertThat(value(figure, "outer.ipv4.source")).isEqualTo("10.168.0.2");
        assertThat(value(figure, "outer.ipv4.destination")).isEqualTo("10.168.0.3");
        assertThat(value(figure, "outer.ipv4.protocol")).isEqualTo("17");
        assertThat(value(figure, "outer.udp.destination_port")).isEqualTo("8472");
        assertThat(value(figure, "vxlan.vni")).isEqualTo("1");
        assertThat(value(figure, "vxlan.i_flag")).isEqualTo("1");
        assertThat(value(figure, "outer.ethernet.destination")).isEqualTo(Fixtures.OUTER_DESTINATION_MAC);
        assertThat(value(figure, "inner.ethernet.destination")).isEqualTo(Fixtures.INNER_DESTINATION_MAC);
        assertThat(value(figure, "inner.ethernet.source")).isEqualTo(Fixtures.INNER_SOURCE_MAC);
        assertThat(value(figure, "inner.ipv4.source")).isEqualTo("10.1.15.2");
        assertThat(value(figure, "inner.ipv4.destination")).isEqualTo("10.1.16.3");
        WebElement vni = cell(figure, "vxlan.vni");
        assertThat(vni.getAttribute("class")).contains("passed");
        assertThat(vni.findElement(By.className("b")).getText()).isEqualTo("00 00 01");
        assertThat(figure.findElement(By.cssSelector("[data-layer='outer.ipv4'] .seed-comment"))
                        .getText())
                .contains("目的ip由flannel维护");
        // Laid out as the seed draws it: the VNI takes three quarters of its row.
        double ratio = (double) vni.getSize().getWidth()
                / figure.findElement(By.cssSelector("[data-layer='vxlan'] .row:last-child"))
                        .getSize()
                        .getWidth();
        assertThat(ratio).isBetween(0.70, 0.80);

        screenshot(figure, "frame-diagram-vxlan.png");
        open(passedSite.resolve("index.html"));
        fullPage("front-page.png");
        open(passedSite.resolve("flow.html"));
        screenshot(browser.findElement(By.cssSelector("#request .stacks")), "hop-trace.png");
    }

    @Test
    void aFailedFieldIsRedWithItsExpectedValue() throws IOException {
        open(failedSite.resolve("frames.html"));
        WebElement figure = browser.findElement(By.id("diagram-vxlan"));
        WebElement vni = cell(figure, "vxlan.vni");

        assertThat(vni.getAttribute("class")).contains("failed");
        assertThat(value(figure, "vxlan.vni")).isEqualTo("2");
        assertThat(vni.getAttribute("title")).contains("expected: 1");
        assertThat(cell(figure, "outer.ipv4.destination").getAttribute("class")).contains("passed");

        Path page;
        try (var pages = Files.list(failedSite.resolve("scenarios"))) {
            page = pages.findFirst().orElseThrow();
        }
        open(page);
        assertThat(browser.findElement(By.cssSelector(".failure")).getText()).contains("Why it failed", "vxlan.vni");
        fullPage("failed-scenario.png");
    }

    @Test
    void theFaultsPageDrawsEachScenarioOnItsTimeAxis() throws IOException {
        open(faultsSite.resolve("index.html"));
        browser.findElement(By.cssSelector("a.card[href='faults.html']")).click();
        List<WebElement> timelines = browser.findElements(By.cssSelector("svg.timeline"));

        assertThat(timelines).hasSize(5).allSatisfy(svg -> {
            assertThat(svg.isDisplayed()).isTrue();
            assertThat(svg.getSize().getWidth()).isGreaterThan(900);
        });
        Scenario outage = Fixtures.scenario(Fixtures.run(Fixtures.FAULTS), Fixtures.ETCD_OUTAGE);
        WebElement svg = browser.findElement(By.id("timeline-" + outage.slug()));
        // etcd's lane: down for about 12 s, drawn between the fault lines of "etcd stops" and "etcd starts again".
        WebElement down = svg.findElement(By.cssSelector("[data-lane='etcd'] rect.period.down"));
        List<WebElement> faultLines = svg.findElements(By.cssSelector("line.fault-line"));
        assertThat(faultLines).hasSizeGreaterThanOrEqualTo(3);
        double downFrom = down.getRect().getX();
        double downTo = downFrom + down.getRect().getWidth();
        assertThat(faultLines.stream()
                        .mapToDouble(l -> l.getRect().getX())
                        .min()
                        .orElseThrow())
                .isCloseTo(downFrom, org.assertj.core.api.Assertions.within(3.0));
        // 12 of some 17 seconds, on a time axis that takes two thirds of the drawing's width.
        assertThat(down.getRect().getWidth()).isGreaterThan(svg.getSize().getWidth() * 2 / 5);
        // The ping ran across it, every request answered.
        List<WebElement> answered = svg.findElements(By.cssSelector("g.ping rect.answered"));
        assertThat(answered).isNotEmpty().allSatisfy(r -> assertThat(r.isDisplayed())
                .isTrue());
        assertThat(svg.findElements(By.cssSelector("g.ping rect.lost"))).isEmpty();
        List<WebElement> requests = svg.findElements(By.cssSelector("g.ping rect.answered, g.ping rect.in-flight"));
        assertThat(requests.stream().mapToInt(r -> r.getRect().getX()).min().orElseThrow())
                .isLessThanOrEqualTo((int) downFrom + 2);
        assertThat(requests.stream()
                        .mapToInt(r -> r.getRect().getX() + r.getRect().getWidth())
                        .max()
                        .orElseThrow())
                .isGreaterThanOrEqualTo((int) downTo - 2);
        screenshot(svg.findElement(By.xpath("./ancestor::section[1]")), "faults-timeline.png");

        open(faultsFailedSite.resolve("faults.html"));
        WebElement failed = browser.findElement(By.cssSelector("svg.timeline"));
        assertThat(failed.findElement(By.cssSelector("g.step.check.failed .bar"))
                        .isDisplayed())
                .isTrue();
        List<WebElement> lost = failed.findElements(By.cssSelector("g.ping rect.lost"));
        assertThat(lost).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("ul.during li.failed")).getText())
                .contains("Then flanneld on node1 is still running");
        screenshot(failed.findElement(By.xpath("./ancestor::section[1]")), "faults-timeline-failed.png");

        // From the scenario's own page, the same drawing and the way back.
        open(faultsSite.resolve(org.flannel.harness.reports.pages.Site.scenarioHref(outage)));
        assertThat(browser.findElement(By.cssSelector("#over-time + p a")).getAttribute("href"))
                .endsWith("faults.html#over-time-" + outage.slug());
        assertThat(browser.findElement(By.id("timeline")).isDisplayed()).isTrue();
    }

    @Test
    void theSeedPageShowsTheOriginalBesideTheEnglishAndTheScenarios() throws IOException {
        open(passedSite.resolve("seed.html#vxlan-flow-3"));
        WebElement statement = browser.findElement(By.id("vxlan-flow-3"));

        assertThat(statement.findElement(By.cssSelector(".zh")).getText()).contains("通过查询网关10.1.16.0的mac地址");
        assertThat(statement.findElement(By.cssSelector(".en")).getText()).contains("neighbour entry");
        assertThat(statement.findElements(By.cssSelector(".demo a.scn.passed"))).hasSize(2);
        assertThat(statement
                        .findElement(By.cssSelector("[data-layer='ethernet'] [data-field='ethernet.destination'] .v"))
                        .getText())
                .isEqualTo(Fixtures.FLOW_NODE2_VTEP_MAC);
    }

    /** Opens every page reachable from the front page; notes console errors and links that lead nowhere. */
    private static Set<Path> crawl(Path site, List<String> problems) throws IOException {
        Set<Path> visited = new LinkedHashSet<>();
        Deque<Path> queue = new ArrayDeque<>(List.of(site.resolve("index.html")));
        while (!queue.isEmpty()) {
            Path page = queue.poll().normalize();
            if (!visited.add(page)) {
                continue;
            }
            open(page);
            for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    problems.add(site.relativize(page) + ": console: " + entry.getMessage());
                }
            }
            @SuppressWarnings("unchecked")
            // Resolved against the page: an SVG link's href is no string (an SVGAnimatedString), so the attribute is
            // read.
            List<String> links = (List<String>)
                    ((JavascriptExecutor) browser)
                            .executeScript(
                                    "return Array.from(document.querySelectorAll('[href],[src]')).map(e => new URL(e.getAttribute('href')"
                                            + " !== null ? e.getAttribute('href') : e.getAttribute('src'), document.baseURI).href);");
            for (String link : links) {
                if (link.startsWith("data:")) {
                    continue;
                }
                URI uri = URI.create(link);
                if (!"file".equals(uri.getScheme())) {
                    problems.add(site.relativize(page) + ": leaves the site: " + link);
                    continue;
                }
                Path target = Path.of(uri.getPath());
                if (!Files.exists(target)) {
                    problems.add(site.relativize(page) + ": broken link " + link);
                    continue;
                }
                String anchor = uri.getFragment();
                if (anchor != null && !anchor.isEmpty()) {
                    boolean found = target.equals(page)
                            ? !browser.findElements(By.id(anchor)).isEmpty()
                            : Files.readString(target).contains("id=\"" + anchor + "\"");
                    if (!found) {
                        problems.add(
                                site.relativize(page) + ": no anchor #" + anchor + " in " + site.relativize(target));
                    }
                }
                if (target.toString().endsWith(".html") && target.startsWith(site)) {
                    queue.add(target);
                }
            }
        }
        return visited;
    }

    private static void open(Path page) {
        browser.get(page.toUri().toString().replace("%23", "#"));
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private static WebElement cell(WebElement figure, String field) {
        return figure.findElement(By.cssSelector("[data-field='" + field + "']"));
    }

    private static String value(WebElement figure, String field) {
        WebElement cell = cell(figure, field);
        assertThat(cell.isDisplayed()).as("%s is visible", field).isTrue();
        return cell.findElement(By.className("v")).getText();
    }

    /** The whole element, however tall: the window is made as tall as the page first. */
    private static void screenshot(WebElement element, String name) throws IOException {
        long height = (Long) ((JavascriptExecutor) browser)
                .executeScript("return Math.ceil(document.documentElement.scrollHeight);");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height, 800), 8000)));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);", element);
        File shot = element.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOTS);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private static void fullPage(String name) throws IOException {
        long height = (Long) ((JavascriptExecutor) browser)
                .executeScript("return Math.ceil(document.documentElement.scrollHeight);");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height, 800), 8000)));
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOTS);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }
}
