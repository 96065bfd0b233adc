package org.flannel.harness.conformance;

import static org.flannel.harness.contracts.html.HtmlText.escape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.flannel.harness.contracts.conformance.Backends;
import org.flannel.harness.contracts.conformance.ConformanceRun;
import org.flannel.harness.contracts.conformance.JsonReport;
import org.flannel.harness.contracts.conformance.Level;
import org.flannel.harness.contracts.conformance.LevelTotals;
import org.flannel.harness.contracts.conformance.PickleResult;
import org.flannel.harness.contracts.conformance.Requirement;
import org.flannel.harness.contracts.conformance.Requirements;
import org.flannel.harness.contracts.conformance.Verdict;

/**
 * conformance.html: the run for people. One self-contained page (no script, no external resource): what
 * was judged, the totals, then per backend a table requirement × implementation with the verdicts
 * coloured, and under a failing requirement each failing pickle's step and whole message (the field diff
 * or kernel table) in a {@code <pre>}. Several runs (implementations) make several columns.
 */
public final class HtmlReport {
    public static final String FILE_NAME = "conformance.html";

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
            h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
            table { border-collapse: collapse; margin: .5em 0; }
            th, td { border: 1px solid #ccc; padding: .3em .5em; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; }
            td.id, span.id { font-family: monospace; white-space: nowrap; }
            .pass { background: #d8f0d8; color: #1b5e20; font-weight: bold; }
            .fail { background: #fbd5d5; color: #b71c1c; font-weight: bold; }
            .na { background: #eeeeee; color: #666; }
            .skipped { background: #fff3c4; color: #7a5b00; }
            .must { font-weight: bold; } .untagged { color: #b71c1c; font-style: italic; }
            .source { color: #555; font-size: .9em; }
            pre { background: #fafafa; border: 1px solid #ddd; padding: .5em; overflow-x: auto; max-width: 110em; }
            .evidence { color: #555; font-size: .9em; }
            .error { background: #fbd5d5; padding: .5em; border: 1px solid #b71c1c; }
            .headline { font-size: 1.2em; font-weight: bold; }
            """;

    private HtmlReport() {}

    /**
     * One page for several runs, one column per implementation:
     * {@code HtmlReport OUT.html reports/target/cucumber/conformance.json reports/target/cucumber/self-test/*\/conformance.json}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: HtmlReport OUT.html conformance.json...");
        }
        List<ConformanceRun> runs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            runs.add(JsonReport.read(Path.of(args[i])));
        }
        write(runs, Path.of(args[0]));
        System.out.println("wrote " + Path.of(args[0]).toAbsolutePath() + " (" + runs.size() + " runs)");
    }

    public static void write(List<ConformanceRun> runs, Path file) throws IOException {
        write(runs, file, null);
    }

    /** With a headline under the title (null: none), e.g. the self-test's "shown able to fail" figure. */
    public static void write(List<ConformanceRun> runs, Path file, String headline) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, render(runs, headline));
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static String render(List<ConformanceRun> runs) {
        return render(runs, null);
    }

    static String render(List<ConformanceRun> runs, String headline) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Flannel conformance</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n")
                .append("<h1>Flannel conformance</h1>\n");
        if (headline != null) {
            html.append("<p class=\"headline\">").append(escape(headline)).append("</p>\n");
        }
        runs(html, runs);
        Map<String, Map<String, List<Optional<Requirement>>>> groups = byBackendAndKey(runs);
        for (Map.Entry<String, Map<String, List<Optional<Requirement>>>> group : groups.entrySet()) {
            html.append("<h2>")
                    .append(escape(group.getKey()))
                    .append("</h2>\n<table>\n<tr><th>requirement</th>")
                    .append("<th>level</th><th>title and source</th>");
            for (ConformanceRun run : runs) {
                html.append("<th title=\"")
                        .append(escape(run.implementation()))
                        .append("\">")
                        .append(escape(shortName(run.implementation())));
                if (runs.size() > 1) {
                    html.append("<br><small>")
                            .append(escape(String.valueOf(run.topology())))
                            .append("</small>");
                }
                html.append("</th>");
            }
            html.append("</tr>\n");
            for (List<Optional<Requirement>> row : group.getValue().values()) {
                row(html, row);
            }
            html.append("</table>\n");
        }
        if (groups.isEmpty()) {
            html.append("<p>No scenario ran.</p>\n");
        }
        warnings(html, runs);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    /** What was judged, one column per run: the implementation, how, and the totals per level. */
    private static void runs(StringBuilder html, List<ConformanceRun> runs) {
        html.append("<table>\n");
        header(html, "implementation", runs, run -> "<span class=\"id\">" + escape(run.implementation()) + "</span>");
        header(html, "topology driver", runs, run -> escape(run.topology()));
        header(html, "declared backends", runs, run -> escape(String.join(", ", run.declaredBackends())));
        header(html, "strict", runs, run -> run.strict() ? "yes: SHOULD failures fail the build" : "no");
        header(
                html,
                "tag filter",
                runs,
                run -> escape(Optional.ofNullable(run.tagFilter()).orElse("(none)")));
        header(html, "finished", runs, run -> escape(run.finished()));
        for (Level level : Level.values()) {
            if (level == Level.UNTAGGED
                    && runs.stream().allMatch(run -> run.totals(level).total() == 0)) {
                continue;
            }
            html.append("<tr><th>")
                    .append(level.name())
                    .append(level == Level.UNTAGGED ? " (judged as MUST)" : "")
                    .append(" passed/judged</th>");
            for (ConformanceRun run : runs) {
                LevelTotals totals = run.totals(level);
                String css = totals.fail() > 0 ? "fail" : totals.judged() > 0 ? "pass" : "na";
                html.append("<td class=\"")
                        .append(css)
                        .append("\">")
                        .append(totals.pass())
                        .append('/')
                        .append(totals.judged())
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        header(html, "n/a", runs, run -> String.valueOf(run.count(Verdict.NOT_APPLICABLE)));
        header(html, "skipped", runs, run -> String.valueOf(run.count(Verdict.SKIPPED)));
        html.append("</table>\n<p>n/a: the scenario needs a backend the implementation does not declare; n/a and")
                .append(" skipped requirements are not judged. MUST failures fail the build, SHOULD failures too when")
                .append(" strict, MAY failures never; untagged scenarios are judged as MUST. The evidence (captures,")
                .append(" logs, kernel tables) is attached to each scenario in cucumber.html.</p>\n");
        for (ConformanceRun run : runs) {
            if (run.configurationError() != null) {
                html.append("<p class=\"error\">")
                        .append(escape(shortName(run.implementation())))
                        .append(": configuration error: ")
                        .append(escape(run.configurationError()))
                        .append("</p>\n");
            }
        }
    }

    private static void header(
            StringBuilder html, String name, List<ConformanceRun> runs, Function<ConformanceRun, String> cell) {
        html.append("<tr><th>").append(escape(name)).append("</th>");
        runs.forEach(run -> html.append("<td>").append(cell.apply(run)).append("</td>"));
        html.append("</tr>\n");
    }

    /** Backend group → requirement key → that requirement in each run (empty where a run did not have it). */
    private static Map<String, Map<String, List<Optional<Requirement>>>> byBackendAndKey(List<ConformanceRun> runs) {
        Map<String, Map<String, List<Optional<Requirement>>>> groups = new LinkedHashMap<>();
        for (String backend : Backends.KNOWN) {
            groups.put(backend, new LinkedHashMap<>());
        }
        for (int i = 0; i < runs.size(); i++) {
            for (Requirement requirement : runs.get(i).requirements()) {
                List<Optional<Requirement>> row = groups.computeIfAbsent(
                                requirement.backendGroup(), g -> new LinkedHashMap<>())
                        .computeIfAbsent(requirement.key(), k -> new ArrayList<>());
                while (row.size() < runs.size()) {
                    row.add(Optional.empty());
                }
                row.set(i, Optional.of(requirement));
            }
        }
        groups.values().removeIf(Map::isEmpty);
        return groups;
    }

    private static void row(StringBuilder html, List<Optional<Requirement>> row) {
        Requirement first = row.stream().flatMap(Optional::stream).findFirst().orElseThrow();
        html.append("<tr><td class=\"id\">")
                .append(escape(first.id()))
                .append("</td><td class=\"")
                .append(first.level().json())
                .append("\">")
                .append(first.level().name())
                .append("</td><td>")
                .append(escape(first.title()))
                .append("<div class=\"source\">")
                .append(first.source().isEmpty() ? "(no Source: line)" : "Source: " + escape(first.source()))
                .append(" &middot; ")
                .append(escape(first.shortLocation()))
                .append("</div></td>");
        for (Optional<Requirement> cell : row) {
            if (cell.isEmpty()) {
                html.append("<td class=\"na\">not run</td>");
            } else {
                Verdict verdict = cell.get().verdict();
                html.append("<td class=\"")
                        .append(css(verdict))
                        .append("\" title=\"")
                        .append(escape(reasons(cell.get())))
                        .append("\">")
                        .append(verdict.json())
                        .append("</td>");
            }
        }
        html.append("</tr>\n");
        for (Optional<Requirement> cell : row) {
            if (cell.isPresent() && cell.get().verdict() == Verdict.FAIL) {
                html.append("<tr><td colspan=\"").append(3 + row.size()).append("\">");
                failures(html, cell.get(), row.size() > 1);
                html.append("</td></tr>\n");
            }
        }
    }

    private static void failures(StringBuilder html, Requirement requirement, boolean nameTheRun) {
        for (PickleResult pickle : requirement.pickles()) {
            if (!pickle.status().failing()) {
                continue;
            }
            html.append("<div><b>")
                    .append(escape(pickle.status().json()))
                    .append("</b>: ")
                    .append(escape(pickle.name()))
                    .append(" (")
                    .append(escape(Requirements.shortLocation(pickle.feature(), pickle.line())))
                    .append(")");
            if (pickle.failedStep() != null) {
                html.append("<br>at: <code>")
                        .append(escape(pickle.failedStep()))
                        .append("</code>");
            }
            html.append("<pre>")
                    .append(escape(Optional.ofNullable(pickle.failure()).orElse("(no message)")))
                    .append("</pre>");
            if (!pickle.attachments().isEmpty()) {
                html.append("<div class=\"evidence\">evidence attached in cucumber.html: ")
                        .append(escape(String.join(", ", pickle.attachments())))
                        .append("</div>");
            }
            html.append("</div>\n");
        }
    }

    private static String reasons(Requirement requirement) {
        return String.join(
                "\n",
                requirement.pickles().stream()
                        .map(p -> p.status().json() + (p.reason() != null ? ": " + p.reason() : ""))
                        .distinct()
                        .toList());
    }

    private static void warnings(StringBuilder html, List<ConformanceRun> runs) {
        List<String> warnings =
                runs.stream().flatMap(run -> run.warnings().stream()).distinct().toList();
        if (!warnings.isEmpty()) {
            html.append("<h2>Warnings about the tags</h2>\n<ul>\n");
            warnings.forEach(w -> html.append("<li>").append(escape(w)).append("</li>\n"));
            html.append("</ul>\n");
        }
    }

    private static String css(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "pass";
            case FAIL -> "fail";
            case NOT_APPLICABLE -> "na";
            case SKIPPED -> "skipped";
        };
    }

    /** "reference-impl/target/flanneld" → "flanneld (reference-impl/target)"-like short column heading. */
    static String shortName(String implementation) {
        if (implementation == null) {
            return "(unknown)";
        }
        Path path = Path.of(implementation);
        int count = path.getNameCount();
        return count <= 3 ? implementation : path.subpath(count - 3, count).toString();
    }
}
