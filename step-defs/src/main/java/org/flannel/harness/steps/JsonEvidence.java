package org.flannel.harness.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.Scenario;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flannel.harness.expect.ExpectationRow;
import org.flannel.harness.expect.FrameEvaluation;
import org.flannel.harness.expect.MatchResult;
import org.flannel.harness.expect.RowVerdict;
import org.flannel.harness.topology.TopologySpec;
import org.flannel.harness.wire.Field;
import org.flannel.harness.wire.Frame;
import org.flannel.harness.wire.Layer;
import org.flannel.harness.wire.LinkTypes;
import org.flannel.harness.wire.RuleCheck;

/**
 * Structured evidence for the living documentation (reports/): the same facts as the text attachments,
 * as JSON a program can draw (a frame's fields with offsets, widths and verdicts; kernel tables, expected
 * and found; the declared topology). Attaching never fails a step: a problem here is written down instead.
 */
final class JsonEvidence {
    static final String MEDIA_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonEvidence() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static void attach(Scenario scenario, String name, ObjectNode json) {
        if (scenario == null) {
            return;
        }
        try {
            scenario.attach(JSON.writeValueAsString(json), MEDIA_TYPE, name);
        } catch (JsonProcessingException | RuntimeException e) {
            scenario.attach("cannot write " + name + ": " + e, "text/plain", name + ".error.txt");
        }
    }

    /** A header table judged on a capture: the rows with their verdicts, and the frame they were judged on. */
    static ObjectNode frameMatch(String point, List<ExpectationRow> rows, MatchResult result) {
        ObjectNode json = object();
        json.put("kind", "frame-match");
        json.put("point", point);
        json.put("verdict", result.found() ? "passed" : "failed");
        json.put("framesCaptured", result.totalFrames());
        Optional<FrameEvaluation> closest = result.closest();
        ArrayNode table = json.putArray("rows");
        List<RowVerdict> verdicts = closest.map(FrameEvaluation::rows).orElse(List.of());
        for (int i = 0; i < rows.size(); i++) {
            ExpectationRow row = rows.get(i);
            ObjectNode cell = table.addObject();
            cell.put("layer", row.layer());
            cell.put("field", row.field());
            cell.put("expected", row.expected());
            cell.put("fieldName", row.fieldName());
            if (i < verdicts.size()) {
                RowVerdict verdict = verdicts.get(i);
                cell.put("expectedValue", verdict.expected());
                cell.put("actual", verdict.actual());
                cell.put("ok", verdict.ok());
            }
        }
        closest.ifPresent(evaluation -> {
            ArrayNode broken = json.putArray("ruleViolations");
            for (RowVerdict violation : evaluation.ruleViolations()) {
                broken.addObject().put("field", violation.field()).put("expected", violation.expected())
                        .put("actual", violation.actual());
            }
            json.put("frameConforms", evaluation.conforms());
            json.set("frame", frame(evaluation.frame(), evaluation.verdicts()));
        });
        return json;
    }

    /**
     * One frame: raw bytes, layers and fields (value, offset, bit offset, width) and a verdict per field:
     * the table's when a row names it, else the protocol rules computed from the bytes, else "unchecked".
     */
    static ObjectNode frame(Frame frame, List<RowVerdict> verdicts) {
        Map<String, RowVerdict> byField = new HashMap<>();
        for (RowVerdict verdict : verdicts) {
            byField.putIfAbsent(verdict.field(), verdict);
            if (!verdict.ok()) {
                byField.put(verdict.field(), verdict);
            }
        }
        ObjectNode json = object();
        json.put("number", frame.number());
        json.put("timestamp", frame.timestamp().toString());
        json.put("linkType", frame.linkType());
        json.put("linkTypeName", LinkTypes.name(frame.linkType()));
        json.put("capturedLength", frame.capturedLength());
        json.put("originalLength", frame.originalLength());
        json.put("summary", frame.summary());
        json.put("bytes", HexFormat.of().formatHex(frame.bytes()));
        ArrayNode layers = json.putArray("layers");
        for (Layer layer : frame.layers()) {
            ObjectNode l = layers.addObject();
            l.put("name", layer.name());
            l.put("protocol", layer.protocol());
            l.put("offset", layer.offset());
            ArrayNode fields = l.putArray("fields");
            for (Field field : layer.fields()) {
                ObjectNode f = fields.addObject();
                f.put("name", field.name());
                f.put("value", field.value());
                f.put("kind", field.kind().name());
                f.put("offset", field.offset());
                f.put("bitOffset", field.bitOffset());
                f.put("bitWidth", field.bitWidth());
                RowVerdict row = byField.get(field.name());
                List<RuleCheck> checks = frame.checksFor(field.name());
                if (row != null) {
                    f.put("verdict", row.ok() ? "passed" : "failed");
                    f.put("expected", row.expected());
                    f.put("judgedBy", row.fromTable() ? "table" : "rule");
                } else if (!checks.isEmpty()) {
                    boolean failed = checks.stream().anyMatch(check -> check.verdict() == RuleCheck.Verdict.FAIL);
                    boolean unsure = checks.stream().anyMatch(check -> check.verdict() == RuleCheck.Verdict.UNVERIFIABLE);
                    f.put("verdict", failed ? "failed" : unsure ? "unverifiable" : "passed");
                    f.put("expected", checks.get(0).rule() + ": " + checks.get(0).expected());
                    f.put("judgedBy", "rule");
                } else {
                    f.put("verdict", "unchecked");
                }
            }
        }
        ArrayNode rules = json.putArray("rules");
        for (RuleCheck check : frame.checks()) {
            rules.addObject().put("field", check.field()).put("rule", check.rule()).put("expected", check.expected())
                    .put("actual", check.actual()).put("verdict", check.verdict().name().toLowerCase());
        }
        return json;
    }

    /** A kernel table as the seed prints it: the rows the feature expects and the rows the node has. */
    static ObjectNode kernelTable(String node, String command, List<String> columns, List<List<String>> written,
            List<List<String>> expected, List<List<String>> actual, String verdict) {
        ObjectNode json = object();
        json.put("kind", "kernel-table");
        json.put("node", node);
        json.put("command", command);
        json.put("verdict", verdict);
        ArrayNode names = json.putArray("columns");
        columns.forEach(names::add);
        ArrayNode rows = json.putArray("expected");
        for (int i = 0; i < expected.size(); i++) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            expected.get(i).forEach(cells::add);
            ArrayNode as = row.putArray("written");
            (i < written.size() ? written.get(i) : expected.get(i)).forEach(as::add);
            row.put("found", actual.contains(expected.get(i)));
        }
        ArrayNode found = json.putArray("actual");
        for (List<String> row : actual) {
            ArrayNode cells = found.addArray();
            row.forEach(cells::add);
        }
        return json;
    }

    /** The topology a scenario declared: segments, nodes with their interfaces, routers, etcd. */
    static ObjectNode topology(TopologySpec spec) {
        ObjectNode json = object();
        json.put("kind", "topology");
        ArrayNode segments = json.putArray("segments");
        for (TopologySpec.SegmentSpec segment : spec.segments()) {
            segments.addObject().put("name", segment.name()).put("subnet", segment.subnet().toString());
        }
        ArrayNode nodes = json.putArray("nodes");
        for (TopologySpec.NodeSpec node : spec.nodes()) {
            ObjectNode n = nodes.addObject().put("name", node.name());
            spec.gateway(node.name()).ifPresent(gateway -> n.put("gateway", gateway));
            interfaces(n.putArray("interfaces"), node.interfaces());
        }
        ArrayNode routers = json.putArray("routers");
        for (TopologySpec.RouterSpec router : spec.routers()) {
            interfaces(routers.addObject().put("name", router.name()).putArray("interfaces"), router.interfaces());
        }
        spec.etcd().ifPresent(etcd -> json.putObject("etcd").put("name", TopologySpec.ETCD)
                .put("segment", etcd.segment()).put("address", etcd.address()));
        return json;
    }

    private static void interfaces(ArrayNode array, List<TopologySpec.InterfaceSpec> interfaces) {
        for (TopologySpec.InterfaceSpec i : interfaces) {
            array.addObject().put("name", i.name()).put("segment", i.segment()).put("address", i.address());
        }
    }
}
