package org.flannel.harness.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.flannel.harness.contracts.conformance.ConformanceRun;
import org.flannel.harness.contracts.conformance.JsonReport;
import org.flannel.harness.contracts.conformance.Level;
import org.flannel.harness.contracts.conformance.Requirement;
import org.flannel.harness.contracts.conformance.Verdict;

/**
 * The build verdict, after the features ran: reads conformance.json and fails (throws, which fails the
 * Maven build with this message) when a MUST requirement failed (untagged scenarios count as MUST), or a
 * SHOULD one with {@code --strict=true}. SHOULD failures are reported without failing otherwise; MAY
 * failures, n/a and skipped requirements never fail the build. A missing report, a report older than this
 * build or one with a configuration error fails too: nothing was judged.
 *
 * <pre>
 * VerdictCheck --report=reports/target/cucumber/conformance.json [--strict=true] [--not-before=2025-01-01T00:00:00Z]
 *              [--skip=true,false,...]   (any true: no verdict)
 * </pre>
 */
public final class VerdictCheck {

    /**
     * The build fails: the message says why, with the summary and the failing requirements. No stack trace:
     * Maven prints it, and the message is all there is to say.
     */
    public static final class VerdictFailed extends RuntimeException {
        public VerdictFailed(String message) {
            super(message, null, false, false);
        }
    }

    private VerdictCheck() {}

    public static void main(String[] args) throws IOException {
        Path report = null;
        boolean strict = false;
        Instant notBefore = null;
        boolean skip = false;
        for (String arg : args) {
            if (arg.startsWith("--report=")) {
                report = Path.of(arg.substring("--report=".length()));
            } else if (arg.startsWith("--strict=")) {
                strict =
                        Boolean.parseBoolean(arg.substring("--strict=".length()).strip());
            } else if (arg.startsWith("--skip=")) {
                // Any of several flags (-Dflannel.verdict.skip, -DskipTests, -DskipITs, -Dmaven.test.skip).
                for (String flag : arg.substring("--skip=".length()).split(",")) {
                    skip |= flag.strip().equals("true");
                }
            } else if (arg.startsWith("--not-before=")) {
                notBefore = parseInstant(arg.substring("--not-before=".length()));
            } else {
                throw new IllegalArgumentException(
                        "VerdictCheck: unknown argument " + arg
                                + "; expected --report=FILE [--strict=true|false] [--not-before=ISO-INSTANT] [--skip=FLAG,...]");
            }
        }
        if (skip) {
            System.out.println("CONFORMANCE  no verdict: the tests or the verdict are skipped");
            return;
        }
        if (report == null) {
            throw new IllegalArgumentException("VerdictCheck: --report=.../conformance.json is required");
        }
        check(report, strict, notBefore).forEach(System.out::println);
    }

    private static Instant parseInstant(String value) {
        if (value.isBlank() || value.startsWith("${")) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("VerdictCheck: --not-before=" + value + " is not an ISO instant");
        }
    }

    /**
     * Judges the report; returns what to print when the build passes.
     *
     * @throws VerdictFailed when it does not
     */
    public static List<String> check(Path report, boolean strict, Instant notBefore) throws IOException {
        Path file = report.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new VerdictFailed("CONFORMANCE  no verdict: " + file + " is missing. The conformance features did"
                    + " not run (or did not finish) in this build: a filtered run (-Dit.test=... without"
                    + " ConformanceFeatures), a crash of the test JVM, or the ConformanceReport plugin missing from"
                    + " cucumber.plugin. Run them, or skip the verdict with -Dflannel.verdict.skip=true.");
        }
        ConformanceRun run = JsonReport.read(file);
        if (notBefore != null
                && run.finished() != null
                && Instant.parse(run.finished()).isBefore(notBefore)) {
            throw new VerdictFailed("CONFORMANCE  no verdict: " + file + " is from an earlier run (finished "
                    + run.finished() + ", this build started " + notBefore + "): the conformance features did not"
                    + " run in this build. Run them, or skip the verdict with -Dflannel.verdict.skip=true.");
        }
        return judge(run, strict, file.resolveSibling(HtmlReport.FILE_NAME));
    }

    /** Judges a run already read. */
    public static List<String> judge(ConformanceRun run, boolean strict, Path html) {
        List<String> lines = new ArrayList<>();
        lines.add(ConsoleSummary.summaryLine(run, html));
        List<String> failing = new ArrayList<>();
        List<String> tolerated = new ArrayList<>();
        for (Level level : Level.values()) {
            for (Requirement requirement : run.failed(level)) {
                (level.failsTheBuild(strict) ? failing : tolerated).add(ConsoleSummary.failureLine(requirement));
            }
        }
        if (run.configurationError() != null) {
            failing.add(0, "CONFIGURATION ERROR: " + run.configurationError());
        }
        if (failing.isEmpty() && nothingJudged(run)) {
            // "Conforms" must mean something was judged: a run that judged nothing shows nothing.
            throw new VerdictFailed(lines.get(0) + "\nCONFORMANCE  no verdict: "
                    + (run.requirements().isEmpty()
                            ? "no scenario ran (does the tag filter -Dcucumber.filter.tags match any scenario?)"
                            : "no requirement was judged: every one was n/a or skipped (do -Dflannel.backends and the tag"
                                    + " filter name a backend that has scenarios?)")
                    + ". Widen the selection, or skip the verdict with -Dflannel.verdict.skip=true.");
        }
        if (!failing.isEmpty()) {
            StringBuilder message = new StringBuilder(lines.get(0)).append('\n');
            message.append("The implementation does not conform (")
                    .append(strict ? "MUST and SHOULD requirements, -Dflannel.strict=true" : "MUST requirements")
                    .append("):\n");
            failing.forEach(line -> message.append("  ").append(line).append('\n'));
            if (!tolerated.isEmpty()) {
                message.append("Also failed, not failing the build:\n");
                tolerated.forEach(line -> message.append("  ").append(line).append('\n'));
            }
            if (run.totals(Level.UNTAGGED).fail() > 0) {
                message.append("(untagged scenarios are judged as MUST)\n");
            }
            message.append("Details: ").append(html);
            throw new VerdictFailed(message.toString());
        }
        if (tolerated.isEmpty()) {
            lines.add("CONFORMANCE  verdict: conforms (" + (strict ? "strict: MUST and SHOULD" : "MUST") + ")");
        } else {
            lines.add("CONFORMANCE  verdict: conforms to every MUST; these failures do not fail the build"
                    + (strict ? "" : " (-Dflannel.strict=true makes SHOULD failures fail it)") + ":");
            tolerated.forEach(line -> lines.add("  " + line));
        }
        return lines;
    }

    private static boolean nothingJudged(ConformanceRun run) {
        return run.requirements().stream().noneMatch(r -> r.verdict() == Verdict.PASS || r.verdict() == Verdict.FAIL);
    }
}
