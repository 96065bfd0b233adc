package org.flannel.harness.reports.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Cucumber message stream (messages.ndjson: one JSON envelope a line) into a {@link Run}: features
 * and their scenarios, each scenario's steps with their verdicts, and what was attached to it. Verdicts are
 * derived here from the test step results, not taken from any other report.
 */
public final class MessagesReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> documents = new LinkedHashMap<>();
    private final Map<String, JsonNode> astNodes = new HashMap<>();
    private final Map<String, Integer> exampleRowLines = new HashMap<>();
    private final Map<String, String> stepKeywords = new HashMap<>();
    private final List<JsonNode> pickles = new ArrayList<>();
    private final Map<String, JsonNode> hooks = new HashMap<>();
    private final Map<String, JsonNode> testCasesByPickle = new HashMap<>();
    private final Map<String, JsonNode> lastStartByTestCase = new HashMap<>();
    private final Map<String, JsonNode> startedById = new HashMap<>();
    private final Map<String, Map<String, JsonNode>> stepResults = new HashMap<>();
    private final Map<String, Map<String, Instant>> stepStarts = new HashMap<>();
    private final Map<String, Map<String, Instant>> stepEnds = new HashMap<>();
    private final Map<String, Instant> caseEnds = new HashMap<>();
    private final Map<String, List<JsonNode>> attachments = new HashMap<>();
    private JsonNode meta;
    private Instant started;
    private Instant finished;

    private MessagesReader() {}

    public static Run read(Path messages) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(messages, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    public static Run read(Reader source) throws IOException {
        MessagesReader reader = new MessagesReader();
        BufferedReader lines = source instanceof BufferedReader b ? b : new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode envelope;
            try {
                envelope = JSON.readTree(line);
            } catch (IOException e) {
                // A run killed while writing leaves half a line: keep what came before.
                System.err.println(
                        "reports: line " + number + " of the messages is not JSON, ignored: " + e.getMessage());
                continue;
            }
            reader.accept(envelope);
        }
        return reader.build();
    }

    private void accept(JsonNode envelope) {
        if (envelope.has("meta")) {
            meta = envelope.get("meta");
        } else if (envelope.has("gherkinDocument")) {
            JsonNode document = envelope.get("gherkinDocument");
            documents.put(document.path("uri").asText(), document);
            index(document.path("feature"));
        } else if (envelope.has("pickle")) {
            pickles.add(envelope.get("pickle"));
        } else if (envelope.has("hook")) {
            JsonNode hook = envelope.get("hook");
            hooks.put(hook.path("id").asText(), hook);
        } else if (envelope.has("testCase")) {
            JsonNode testCase = envelope.get("testCase");
            testCasesByPickle.put(testCase.path("pickleId").asText(), testCase);
        } else if (envelope.has("testCaseStarted")) {
            JsonNode start = envelope.get("testCaseStarted");
            lastStartByTestCase.put(start.path("testCaseId").asText(), start);
            startedById.put(start.path("id").asText(), start);
        } else if (envelope.has("testStepStarted")) {
            JsonNode begun = envelope.get("testStepStarted");
            stepStarts
                    .computeIfAbsent(begun.path("testCaseStartedId").asText(), id -> new HashMap<>())
                    .put(begun.path("testStepId").asText(), instant(begun.path("timestamp")));
        } else if (envelope.has("testStepFinished")) {
            JsonNode done = envelope.get("testStepFinished");
            stepResults
                    .computeIfAbsent(done.path("testCaseStartedId").asText(), id -> new HashMap<>())
                    .put(done.path("testStepId").asText(), done.path("testStepResult"));
            stepEnds.computeIfAbsent(done.path("testCaseStartedId").asText(), id -> new HashMap<>())
                    .put(done.path("testStepId").asText(), instant(done.path("timestamp")));
        } else if (envelope.has("testCaseFinished")) {
            JsonNode done = envelope.get("testCaseFinished");
            caseEnds.put(done.path("testCaseStartedId").asText(), instant(done.path("timestamp")));
        } else if (envelope.has("attachment")) {
            JsonNode attachment = envelope.get("attachment");
            attachments
                    .computeIfAbsent(attachment.path("testCaseStartedId").asText(), id -> new ArrayList<>())
                    .add(attachment);
        } else if (envelope.has("testRunStarted")) {
            started = instant(envelope.get("testRunStarted").path("timestamp"));
        } else if (envelope.has("testRunFinished")) {
            finished = instant(envelope.get("testRunFinished").path("timestamp"));
        }
    }

    /** Remembers every scenario, background and step of a feature by id (rules included). */
    private void index(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        for (JsonNode child : node.path("children")) {
            for (String kind : List.of("background", "scenario")) {
                JsonNode part = child.path(kind);
                if (!part.isMissingNode()) {
                    astNodes.put(part.path("id").asText(), part);
                    for (JsonNode examples : part.path("examples")) {
                        for (JsonNode row : examples.path("tableBody")) {
                            exampleRowLines.put(
                                    row.path("id").asText(),
                                    row.path("location").path("line").asInt());
                        }
                    }
                    for (JsonNode step : part.path("steps")) {
                        stepKeywords.put(
                                step.path("id").asText(),
                                step.path("keyword").asText("").strip());
                    }
                }
            }
            index(child.path("rule"));
        }
    }

    private Run build() {
        Map<String, List<Scenario>> byUri = new LinkedHashMap<>();
        documents.keySet().forEach(uri -> byUri.put(uri, new ArrayList<>()));
        Set<String> slugs = new HashSet<>();
        for (JsonNode pickle : pickles) {
            Scenario scenario = scenario(pickle, slugs);
            byUri.computeIfAbsent(scenario.featureUri(), uri -> new ArrayList<>())
                    .add(scenario);
        }
        List<Feature> features = new ArrayList<>();
        for (Map.Entry<String, List<Scenario>> entry : byUri.entrySet()) {
            JsonNode feature = documents
                    .getOrDefault(entry.getKey(), JSON.createObjectNode())
                    .path("feature");
            List<Scenario> scenarios = new ArrayList<>(entry.getValue());
            scenarios.sort(Comparator.comparingInt((Scenario s) -> s.written().line())
                    .thenComparingInt(s -> s.written().exampleLine()));
            features.add(new Feature(
                    entry.getKey(),
                    feature.path("name").asText(Feature.pathOf(entry.getKey())),
                    description(feature),
                    tags(feature.path("tags")),
                    scenarios));
        }
        return new Run(
                meta == null
                        ? ""
                        : meta.path("implementation").path("name").asText("") + " "
                                + meta.path("implementation").path("version").asText(""),
                meta == null
                        ? ""
                        : meta.path("runtime").path("name").asText("") + " "
                                + meta.path("runtime").path("version").asText(""),
                meta == null
                        ? ""
                        : meta.path("os").path("name").asText("") + " "
                                + meta.path("os").path("version").asText(""),
                started,
                finished,
                features);
    }

    private Scenario scenario(JsonNode pickle, Set<String> slugs) {
        String uri = pickle.path("uri").asText();
        JsonNode ast = astNodes.get(pickle.path("astNodeIds").path(0).asText());
        String description = ast == null ? "" : description(ast);
        int line = ast == null ? 0 : ast.path("location").path("line").asInt();
        String title = ast == null
                ? pickle.path("name").asText()
                : ast.path("name").asText(pickle.path("name").asText());
        int exampleLine =
                exampleRowLines.getOrDefault(pickle.path("astNodeIds").path(1).asText(), line);
        List<String> tags = new ArrayList<>();
        pickle.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));

        Map<String, JsonNode> pickleSteps = new HashMap<>();
        pickle.path("steps").forEach(step -> pickleSteps.put(step.path("id").asText(), step));
        JsonNode testCase = testCasesByPickle.get(pickle.path("id").asText());
        JsonNode start = testCase == null
                ? null
                : lastStartByTestCase.get(testCase.path("id").asText());
        String startedId = start == null ? "" : start.path("id").asText();
        Map<String, JsonNode> results = stepResults.getOrDefault(startedId, Map.of());
        Map<String, Instant> begun = stepStarts.getOrDefault(startedId, Map.of());
        Map<String, Instant> ended = stepEnds.getOrDefault(startedId, Map.of());

        List<Step> steps = new ArrayList<>();
        Map<String, Integer> stepIndex = new HashMap<>();
        if (testCase != null) {
            for (JsonNode testStep : testCase.path("testSteps")) {
                JsonNode result = results.get(testStep.path("id").asText());
                Status status = result == null
                        ? Status.NOT_RUN
                        : Status.of(result.path("status").asText());
                String message = result == null ? null : result.path("message").asText(null);
                String testStepId = testStep.path("id").asText();
                stepIndex.put(testStepId, steps.size());
                JsonNode pickleStep =
                        pickleSteps.get(testStep.path("pickleStepId").asText(""));
                if (pickleStep != null) {
                    steps.add(new Step(
                            stepKeywords.getOrDefault(
                                    pickleStep.path("astNodeIds").path(0).asText(), ""),
                            pickleStep.path("text").asText(),
                            table(pickleStep.path("argument").path("dataTable")),
                            pickleStep
                                    .path("argument")
                                    .path("docString")
                                    .path("content")
                                    .asText(null),
                            status,
                            message,
                            false,
                            pickleStep.path("type").asText(""),
                            begun.get(testStepId),
                            ended.get(testStepId)));
                } else {
                    JsonNode hook = hooks.get(testStep.path("hookId").asText(""));
                    String name = hook == null ? "hook" : hook.path("name").asText(hookName(hook));
                    steps.add(new Step(
                            "",
                            name,
                            List.of(),
                            null,
                            status,
                            message,
                            true,
                            "",
                            begun.get(testStepId),
                            ended.get(testStepId)));
                }
            }
        } else {
            for (JsonNode step : pickle.path("steps")) {
                steps.add(new Step(
                        stepKeywords.getOrDefault(
                                step.path("astNodeIds").path(0).asText(), ""),
                        step.path("text").asText(),
                        table(step.path("argument").path("dataTable")),
                        step.path("argument").path("docString").path("content").asText(null),
                        Status.NOT_RUN,
                        null,
                        false));
            }
        }
        Status status = start == null
                ? Status.NOT_RUN
                : Status.worst(steps.stream()
                        .map(Step::status)
                        .filter(s -> s != Status.NOT_RUN)
                        .toList());
        if (start != null && steps.stream().allMatch(s -> s.status() == Status.NOT_RUN)) {
            status = Status.NOT_RUN;
        }
        List<Attachment> attached = new ArrayList<>();
        if (start != null) {
            for (JsonNode a : attachments.getOrDefault(start.path("id").asText(), List.of())) {
                attached.add(attachment(
                        a, stepIndex.getOrDefault(a.path("testStepId").asText(""), -1)));
            }
        }
        String name = pickle.path("name").asText();
        return new Scenario(
                pickle.path("id").asText(),
                Slugs.unique(Slugs.of(Feature.pathOf(uri).replaceFirst("\\.feature$", "") + "-" + name), slugs),
                uri,
                name,
                description,
                tags,
                new Scenario.Written(title, line, exampleLine),
                status,
                steps,
                attached,
                start == null ? null : instant(start.path("timestamp")),
                caseEnds.get(startedId));
    }

    private static String hookName(JsonNode hook) {
        String type = hook.path("type").asText("");
        String method = hook.path("sourceReference")
                .path("javaMethod")
                .path("methodName")
                .asText("");
        String kind = type.isEmpty() ? "hook" : type.toLowerCase(Locale.ROOT).replace('_', ' ');
        return method.isEmpty() ? kind : kind + " " + method;
    }

    private static Attachment attachment(JsonNode a, int stepIndex) {
        String body = a.path("body").asText("");
        byte[] bytes = a.path("contentEncoding").asText("IDENTITY").equals("BASE64")
                ? Base64.getMimeDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new Attachment(
                a.path("fileName").asText(""),
                a.path("mediaType").asText("application/octet-stream"),
                bytes,
                stepIndex,
                instant(a.path("timestamp")));
    }

    private static List<List<String>> table(JsonNode dataTable) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : dataTable.path("rows")) {
            List<String> cells = new ArrayList<>();
            row.path("cells").forEach(cell -> cells.add(cell.path("value").asText()));
            rows.add(cells);
        }
        return rows;
    }

    private static List<String> tags(JsonNode tags) {
        List<String> names = new ArrayList<>();
        tags.forEach(tag -> names.add(tag.path("name").asText()));
        return names;
    }

    /** Gherkin keeps a description's indentation: take it off, as the feature file's author reads it. */
    private static String description(JsonNode node) {
        String text = node.path("description").asText("");
        int indent = text.lines()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder out = new StringBuilder();
        text.lines().forEach(l -> out.append(l.length() >= indent ? l.substring(indent) : l.strip())
                .append('\n'));
        return out.toString().strip();
    }

    private static Instant instant(JsonNode timestamp) {
        if (timestamp == null || timestamp.isMissingNode()) {
            return null;
        }
        return Instant.ofEpochSecond(
                timestamp.path("seconds").asLong(), timestamp.path("nanos").asLong());
    }
}
