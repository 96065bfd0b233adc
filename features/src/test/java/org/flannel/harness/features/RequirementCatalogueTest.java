package org.flannel.harness.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flannel.harness.contracts.conformance.Backends;
import org.flannel.harness.contracts.conformance.Level;
import org.flannel.harness.contracts.conformance.RequirementTags;
import org.flannel.harness.contracts.conformance.SourceLines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The requirement catalogue kept honest: every scenario of every feature carries exactly one requirement
 * ID ({@code @R-<AREA>-<NN>}, unique) and exactly one level ({@code @must}, {@code @should}, {@code @may}),
 * names its sources in a {@code Source:} line whose references exist in the project's source documents
 * (docs/sources), and CONFORMANCE.md's requirement table lists exactly those requirements. Plain
 * parsing, no network, no root: surefire runs it.
 */
class RequirementCatalogueTest {
    /** The requirement tag's form, as the conformance report reads it. */
    static final Pattern ID = RequirementTags.ID;

    static final Pattern SEED_REF = Pattern.compile("^seed: \"([^\"]+)\"$");
    static final Pattern BEHAVIOUR_REF = Pattern.compile("^flannel-behaviour\\.md §(\\d+(?:\\.\\d+)*) (\\S.*)$");
    static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(\\d+(?:\\.\\d+)*)\\.?\\s+(.*)$");
    static final String TABLE_HEADER = "| ID | level | backend | scenario (feature file) | source |";
    static final Pattern TABLE_SCENARIO = Pattern.compile("^(.*) \\(`([^`]+)`\\)$");

    static Path root;
    static List<Requirement> requirements;
    static List<String> parseProblems;

    /** One scenario (or outline) as the catalogue sees it. */
    record Requirement(
            String file,
            long line,
            String keyword,
            String name,
            List<String> tags,
            List<String> exampleTags,
            List<String> featureTags,
            List<String> descriptionLines) {
        String where() {
            return file + ":" + line + " (" + keyword + ": " + name + ")";
        }

        List<String> idTags() {
            return tags.stream()
                    .filter(t -> t.startsWith("@R-") || t.startsWith("@r-"))
                    .toList();
        }

        List<String> levelTags() {
            return tags.stream().filter(RequirementCatalogueTest::isLevelTag).toList();
        }

        Optional<String> id() {
            List<String> ids = idTags();
            return ids.size() == 1 && ID.matcher(ids.get(0)).matches()
                    ? Optional.of(ids.get(0).substring(1))
                    : Optional.empty();
        }

        Optional<String> level() {
            List<String> levels = levelTags();
            return levels.size() == 1 ? Optional.of(levels.get(0).substring(1).toLowerCase()) : Optional.empty();
        }

        /** What its {@code Source:} lines say, as the conformance report reads them. */
        List<String> sources() {
            return SourceLines.of(String.join("\n", descriptionLines));
        }

        /** The backends of the feature, as the tags name them, in a fixed order: "vxlan", "host-gw, vxlan". */
        String backends() {
            return Backends.of(featureTags).stream().sorted().collect(Collectors.joining(", "));
        }
    }

    @BeforeAll
    static void parseTheFeatures() {
        root = repositoryRoot();
        Path features = featuresDir(root);
        requirements = new ArrayList<>();
        parseProblems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(features)) {
            files = walk.filter(p -> p.toString().endsWith(".feature")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(!files.isEmpty(), "no .feature files under " + features);
        for (Path file : files) {
            String relative = features.relativize(file).toString().replace('\\', '/');
            parse(relative, read(file), requirements, parseProblems);
        }
    }

    @Test
    void theFeaturesParse() {
        assertNoProblems("Gherkin parse errors", parseProblems);
    }

    @Test
    void everyScenarioHasExactlyOneRequirementIdOfTheRightForm() {
        assertNoProblems(
                "requirement IDs (one tag @R-<AREA>-<NN> per scenario, matching " + ID.pattern() + ")",
                idProblems(requirements));
    }

    @Test
    void everyScenarioHasExactlyOneLevel() {
        assertNoProblems(
                "requirement levels (exactly one of @must, @should, @may per scenario)", levelProblems(requirements));
    }

    @Test
    void requirementIdsAreUnique() {
        assertNoProblems(
                "duplicate requirement IDs (an outline's examples share its ID; nothing else may)",
                duplicateProblems(requirements));
    }

    @Test
    void requirementTagsSitOnScenariosOnly() {
        assertNoProblems(
                "requirement tags on a Feature or an Examples block (put them on the Scenario line)",
                placementProblems(requirements));
    }

    @Test
    void everyScenarioNamesSourcesThatExist() {
        Sources sources = Sources.load(root);
        assertNoProblems(
                "Source: lines (one per scenario, under the Scenario line: `Source: seed: \"<quote>\" ; "
                        + "flannel-behaviour.md §<n> <title>`, checked against docs/sources)",
                sourceProblems(requirements, sources));
    }

    @Test
    void conformanceMdListsExactlyTheRequirements() {
        Path doc = root.resolve("CONFORMANCE.md");
        assertTrue(
                Files.isRegularFile(doc),
                "CONFORMANCE.md is missing at the repository root " + root + "; it must hold the requirement table:\n"
                        + expectedTable(requirements));
        List<String> problems = tableProblems(read(doc), requirements);
        if (!problems.isEmpty()) {
            fail("CONFORMANCE.md's requirement table does not match the features:\n  - "
                    + String.join("\n  - ", problems)
                    + "\n\nThe table as the features say it should be (rows in any order):\n"
                    + expectedTable(requirements));
        }
    }

    /** The checks themselves must be able to fail: a catalogue with every kind of mistake. */
    @Test
    void theChecksCatchMistakes() {
        String broken = """
                @vxlan @R-VXLAN-FEATURE-01
                Feature: broken
                  @R-VXLAN-A-01 @must @should
                  Scenario: two levels, no source
                    Given a step

                  @R-VXLAN-A-01 @R-VXLAN-B-01 @must
                  Scenario: two IDs, the first a duplicate
                    Source: flannel-behaviour.md §99 No such section ; seed: "no such quote" ; a web page
                    Given a step

                  @R-vxlan-1 @may
                  Scenario: malformed ID
                    Source: flannel-behaviour.md §4.3 Not the title of 4.3
                    Source: flannel-behaviour.md §4.3 MTU
                    Given a step

                  Scenario Outline: no tags at all <x>
                    Given a step <x>

                    @R-VXLAN-C-01 @must
                    Examples:
                      | x |
                      | 1 |
                """;
        List<Requirement> parsed = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        parse("vxlan/broken.feature", broken, parsed, errors);
        assertEquals(List.of(), errors);
        assertEquals(4, parsed.size());

        assertEquals(3, idProblems(parsed).size(), String.join("\n", idProblems(parsed)));
        assertEquals(2, levelProblems(parsed).size(), String.join("\n", levelProblems(parsed)));
        assertEquals(1, duplicateProblems(parsed).size(), String.join("\n", duplicateProblems(parsed)));
        assertEquals(3, placementProblems(parsed).size(), String.join("\n", placementProblems(parsed)));
        List<String> sourceProblems = sourceProblems(parsed, Sources.load(root));
        assertEquals(7, sourceProblems.size(), String.join("\n", sourceProblems));

        List<Requirement> good = requirements;
        String table = expectedTable(good);
        assertEquals(List.of(), tableProblems(table, good), "the generated table matches the features");
        String firstRow = table.lines().skip(2).findFirst().orElseThrow();
        assertEquals(1, tableProblems(table.replace(firstRow + "\n", ""), good).size(), "a missing row is caught");
        String wrongLevel = firstRow.contains("| MUST |")
                ? firstRow.replace("| MUST |", "| SHOULD |")
                : firstRow.replaceFirst("\\| [A-Z]+ \\|", "| MUST |");
        assertEquals(1, tableProblems(table.replace(firstRow, wrongLevel), good).size(), "a wrong level is caught");
        assertEquals(
                1,
                tableProblems(table + "| R-NOT-IN-FEATURES-01 | MUST | vxlan | x (`x.feature`) | y |\n", good)
                        .size(),
                "an extra row is caught");
    }

    // ---------------------------------------------------------------------------------------------- checks

    static List<String> idProblems(List<Requirement> all) {
        List<String> problems = new ArrayList<>();
        for (Requirement r : all) {
            List<String> ids = r.idTags();
            if (ids.isEmpty()) {
                problems.add(r.where() + ": no requirement ID; add one tag like @R-VXLAN-FDB-01 on the line above it");
            } else if (ids.size() > 1) {
                problems.add(r.where() + ": " + ids.size() + " requirement IDs " + ids + "; keep exactly one");
            } else if (!ID.matcher(ids.get(0)).matches()) {
                problems.add(r.where() + ": requirement ID " + ids.get(0) + " does not match " + ID.pattern()
                        + " (upper case, dash-separated, two-digit number: @R-VXLAN-FDB-01)");
            }
        }
        return problems;
    }

    static List<String> levelProblems(List<Requirement> all) {
        List<String> problems = new ArrayList<>();
        for (Requirement r : all) {
            List<String> levels = r.levelTags();
            if (levels.isEmpty()) {
                problems.add(r.where() + ": no level; add exactly one of @must, @should, @may beside its ID");
            } else if (levels.size() > 1) {
                problems.add(r.where() + ": " + levels.size() + " levels " + levels
                        + "; keep one (split the scenario if it checks a MUST and a SHOULD)");
            }
        }
        return problems;
    }

    static List<String> duplicateProblems(List<Requirement> all) {
        Map<String, List<Requirement>> byId = new TreeMap<>();
        for (Requirement r : all) {
            r.idTags().forEach(id -> byId.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(r));
        }
        List<String> problems = new ArrayList<>();
        byId.forEach((id, holders) -> {
            if (holders.size() > 1) {
                problems.add(id + " is used by " + holders.size() + " scenarios: "
                        + holders.stream().map(Requirement::where).collect(Collectors.joining("; "))
                        + "; give each its own number");
            }
        });
        return problems;
    }

    static List<String> placementProblems(List<Requirement> all) {
        List<String> problems = new ArrayList<>();
        Set<String> featuresSeen = new TreeSet<>();
        for (Requirement r : all) {
            if (featuresSeen.add(r.file())) {
                r.featureTags().stream()
                        .filter(RequirementCatalogueTest::isRequirementTag)
                        .forEach(t -> problems.add(
                                r.file() + ": the Feature carries " + t + "; IDs and levels go on each Scenario"));
            }
            r.exampleTags().stream()
                    .filter(RequirementCatalogueTest::isRequirementTag)
                    .forEach(t -> problems.add(r.where() + ": an Examples block carries " + t
                            + "; the examples share the outline's ID and level, tag the Scenario Outline instead"));
        }
        return problems;
    }

    static boolean isRequirementTag(String tag) {
        return tag.startsWith("@R-") || tag.startsWith("@r-") || isLevelTag(tag);
    }

    /** {@code @must}, {@code @should}, {@code @may}, in any case (a wrong case is a level written wrongly). */
    static boolean isLevelTag(String tag) {
        return Level.fromTag(tag.toLowerCase(Locale.ROOT)).isPresent();
    }

    static List<String> sourceProblems(List<Requirement> all, Sources sources) {
        List<String> problems = new ArrayList<>();
        for (Requirement r : all) {
            List<String> lines = r.sources();
            if (lines.isEmpty()) {
                problems.add(r.where() + ": no `Source:` line; add one directly under the Scenario line, e.g. "
                        + "Source: seed: \"<quote>\" ; flannel-behaviour.md §4.5 Per remote lease: EventAdded");
                continue;
            }
            if (lines.size() > 1) {
                problems.add(r.where() + ": " + lines.size()
                        + " `Source:` lines; join them into one, references separated by ' ; '");
            }
            for (String line : lines) {
                if (line.isBlank()) {
                    problems.add(r.where() + ": `" + SourceLines.PREFIX + "` names no reference after it");
                    continue;
                }
                for (String ref : SourceLines.references(line)) {
                    sources.check(ref).ifPresent(problem -> problems.add(r.where() + ": " + problem));
                }
            }
        }
        return problems;
    }

    static List<String> tableProblems(String markdown, List<Requirement> all) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        List<String> lines = markdown.lines().toList();
        int header = lines.indexOf(TABLE_HEADER);
        if (header < 0) {
            return List.of("no requirement table: its header line must read exactly `" + TABLE_HEADER + "`");
        }
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            List<String> cells = cells(line);
            if (cells.size() != 5) {
                problems.add("row `" + line + "` has " + cells.size() + " cells, not 5");
                continue;
            }
            if (rows.put(cells.get(0), cells) != null) {
                problems.add(cells.get(0) + " is listed twice");
            }
        }
        Map<String, Requirement> byId = new TreeMap<>();
        for (Requirement r : all) {
            r.id().ifPresent(id -> byId.putIfAbsent(id, r));
        }
        for (String id : rows.keySet()) {
            if (!byId.containsKey(id)) {
                problems.add(id + " is in the table but no scenario carries @" + id
                        + "; remove the row or tag the scenario");
            }
        }
        for (Map.Entry<String, Requirement> entry : byId.entrySet()) {
            String id = entry.getKey();
            Requirement r = entry.getValue();
            List<String> cells = rows.get(id);
            if (cells == null) {
                problems.add(id + " (" + r.where() + ") is missing from the table; add its row");
                continue;
            }
            List<String> expected = expectedCells(r);
            String[] columns = {"ID", "level", "backend", "scenario (feature file)", "source"};
            for (int i = 1; i < columns.length; i++) {
                String actual = unescape(cells.get(i));
                String wanted = unescape(expected.get(i));
                boolean same = i == 1 ? actual.equalsIgnoreCase(wanted) : actual.equals(wanted);
                if (!same) {
                    problems.add(id + ": the table's " + columns[i] + " is `" + cells.get(i) + "`, the feature says `"
                            + expected.get(i) + "`");
                }
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------------- the table

    static List<String> expectedCells(Requirement r) {
        String source = r.sources().stream().findFirst().orElse("");
        return List.of(
                r.id().orElse("?"),
                r.level().orElse("?").toUpperCase(),
                r.backends(),
                escape(r.name()) + " (`" + r.file() + "`)",
                escape(source));
    }

    static String expectedTable(List<Requirement> all) {
        StringBuilder table = new StringBuilder(TABLE_HEADER).append('\n').append("|---|---|---|---|---|\n");
        all.stream()
                .sorted(Comparator.comparingInt(RequirementCatalogueTest::backendOrder)
                        .thenComparing(Requirement::file)
                        .thenComparingLong(Requirement::line))
                .forEach(r -> table.append("| ")
                        .append(String.join(" | ", expectedCells(r)))
                        .append(" |\n"));
        return table.toString();
    }

    private static int backendOrder(Requirement r) {
        return r.file().startsWith("vxlan/") ? 0 : r.file().startsWith("udp/") ? 1 : 2;
    }

    /** Markdown: a pipe would end the cell, {@code <x>} would be read as an HTML tag. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "\\<");
    }

    static String unescape(String cell) {
        return cell.replaceAll("\\\\([!-/:-@\\[-`{-~])", "$1").strip();
    }

    /** The cells of a table row, split at pipes that are not escaped. */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String body = row.strip();
        for (int i = 1; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                cell.append(c).append(body.charAt(++i));
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (!cell.toString().isBlank()) {
            cells.add(cell.toString().strip());
        }
        return cells;
    }

    // ---------------------------------------------------------------------------------------------- sources

    /** The project's source documents, as copied into docs/sources: section headings and the seed's text. */
    record Sources(Map<String, String> sections, String seedText) {
        static Sources load(Path root) {
            Path behaviour = root.resolve("docs/sources/flannel-behaviour.md");
            Path seed = root.resolve("docs/sources/seed/README.md");
            for (Path p : List.of(behaviour, seed, root.resolve("docs/sources/seed/flannel-notes.zh.md"))) {
                assertTrue(
                        Files.isRegularFile(p),
                        p + " is missing: docs/sources holds byte-identical copies of the"
                                + " project's source documents (the seed and flannel-behaviour.md)");
            }
            Map<String, String> sections = new LinkedHashMap<>();
            for (String line : read(behaviour).lines().toList()) {
                Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    sections.putIfAbsent(heading.group(1), normalise(heading.group(2)));
                }
            }
            return new Sources(sections, normalise(read(seed)));
        }

        /** Empty when the reference exists; otherwise what is wrong with it. */
        Optional<String> check(String ref) {
            Matcher seed = SEED_REF.matcher(ref);
            if (seed.matches()) {
                return seedText.contains(normalise(seed.group(1)))
                        ? Optional.empty()
                        : Optional.of("the quote \"" + seed.group(1) + "\" is not in docs/sources/seed/README.md"
                                + " (quote the seed's English rendering word for word)");
            }
            Matcher section = BEHAVIOUR_REF.matcher(ref);
            if (section.matches()) {
                String title = sections.get(section.group(1));
                if (title == null) {
                    return Optional.of("flannel-behaviour.md has no section §" + section.group(1) + " (in `" + ref
                            + "`); its sections: " + sections.keySet());
                }
                return title.startsWith(normalise(section.group(2)))
                        ? Optional.empty()
                        : Optional.of("`" + ref + "`: §" + section.group(1) + " is titled \"" + title + "\"");
            }
            return Optional.of("`" + ref + "` is neither `seed: \"<quote>\"` nor `flannel-behaviour.md §<n> <title>`");
        }

        /** Backticks, asterisks and line breaks are layout, not words. */
        static String normalise(String text) {
            return text.replace("`", "")
                    .replace("*", "")
                    .replaceAll("\\s+", " ")
                    .strip();
        }
    }

    // ---------------------------------------------------------------------------------------------- parsing

    static void parse(String file, String text, List<Requirement> into, List<String> errors) {
        GherkinParser parser = GherkinParser.builder()
                .includeSource(false)
                .includePickles(false)
                .build();
        List<Envelope> envelopes =
                parser.parse(file, text.getBytes(StandardCharsets.UTF_8)).toList();
        for (Envelope envelope : envelopes) {
            envelope.getParseError()
                    .ifPresent(e -> errors.add(file + ":"
                            + e.getSource()
                                    .getLocation()
                                    .map(l -> l.getLine().toString())
                                    .orElse("?") + ": " + e.getMessage()));
            envelope.getGherkinDocument()
                    .flatMap(GherkinDocument::getFeature)
                    .ifPresent(feature -> collect(file, feature, into));
        }
    }

    private static void collect(String file, Feature feature, List<Requirement> into) {
        List<String> featureTags = names(feature.getTags());
        for (FeatureChild child : feature.getChildren()) {
            child.getScenario().ifPresent(s -> into.add(requirement(file, s, featureTags)));
            child.getRule().ifPresent(rule -> {
                List<String> inherited = new ArrayList<>(featureTags);
                inherited.addAll(names(rule.getTags()));
                for (RuleChild ruleChild : rule.getChildren()) {
                    ruleChild.getScenario().ifPresent(s -> into.add(requirement(file, s, inherited)));
                }
            });
        }
    }

    private static Requirement requirement(String file, Scenario scenario, List<String> featureTags) {
        List<String> exampleTags = new ArrayList<>();
        for (Examples examples : scenario.getExamples()) {
            exampleTags.addAll(names(examples.getTags()));
        }
        List<String> description = scenario.getDescription() == null
                ? List.of()
                : scenario.getDescription()
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .toList();
        return new Requirement(
                file,
                scenario.getLocation().getLine(),
                scenario.getKeyword().strip(),
                scenario.getName(),
                names(scenario.getTags()),
                exampleTags,
                featureTags,
                description);
    }

    private static List<String> names(List<Tag> tags) {
        return tags.stream().map(Tag::getName).toList();
    }

    // ---------------------------------------------------------------------------------------------- files

    /** The checkout's root: the first directory upwards holding features/src/test/resources/features. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(featuresDir(dir))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "no features/src/test/resources/features above " + Path.of("").toAbsolutePath());
    }

    static Path featuresDir(Path root) {
        return root.resolve("features/src/test/resources/features");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void assertNoProblems(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s) with " + what + ":\n  - " + String.join("\n  - ", problems));
        }
    }
}
