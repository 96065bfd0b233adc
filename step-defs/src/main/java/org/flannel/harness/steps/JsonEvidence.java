package org.flannel.harness.steps;

import io.cucumber.java.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flannel.harness.contracts.evidence.CheckVerdict;
import org.flannel.harness.contracts.evidence.DecodedFrame;
import org.flannel.harness.contracts.evidence.Evidence;
import org.flannel.harness.contracts.evidence.EvidenceJson;
import org.flannel.harness.contracts.evidence.FieldVerdict;
import org.flannel.harness.contracts.evidence.FrameMatchEvidence;
import org.flannel.harness.contracts.evidence.JudgedBy;
import org.flannel.harness.contracts.evidence.KernelTableEvidence;
import org.flannel.harness.contracts.evidence.RuleVerdict;
import org.flannel.harness.contracts.evidence.TopologyEvidence;
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
 * as the records of contracts' evidence package, which reports reads back (a frame's fields with offsets,
 * widths and verdicts; kernel tables, expected and found; the declared topology). Attaching never fails a
 * step: a problem here is written down instead.
 */
final class JsonEvidence {

    private JsonEvidence() {}

    static void attach(Scenario scenario, String name, Evidence evidence) {
        if (scenario == null) {
            return;
        }
        try {
            scenario.attach(EvidenceJson.write(evidence), EvidenceJson.MEDIA_TYPE, name);
        } catch (RuntimeException e) {
            scenario.attach("cannot write " + name + ": " + e, "text/plain", name + ".error.txt");
        }
    }

    /** A header table judged on a capture: the rows with their verdicts, and the frame they were judged on. */
    static FrameMatchEvidence frameMatch(String point, List<ExpectationRow> rows, MatchResult result) {
        Optional<FrameEvaluation> closest = result.closest();
        List<RowVerdict> verdicts = closest.map(FrameEvaluation::rows).orElse(List.of());
        List<FrameMatchEvidence.Row> table = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ExpectationRow row = rows.get(i);
            // Without a frame to judge it against, a row has no value found and is not met.
            Optional<RowVerdict> verdict = i < verdicts.size() ? Optional.of(verdicts.get(i)) : Optional.empty();
            table.add(new FrameMatchEvidence.Row(
                    row.layer(),
                    row.field(),
                    row.expected(),
                    row.fieldName(),
                    verdict.map(RowVerdict::expected).orElse(row.expected()),
                    verdict.map(RowVerdict::actual).orElse(""),
                    verdict.map(RowVerdict::ok).orElse(false)));
        }
        List<FrameMatchEvidence.RuleViolation> broken = closest.map(evaluation -> evaluation.ruleViolations().stream()
                        .map(v -> new FrameMatchEvidence.RuleViolation(v.field(), v.expected(), v.actual()))
                        .toList())
                .orElse(List.of());
        return new FrameMatchEvidence(
                point,
                CheckVerdict.of(result.found()),
                result.totalFrames(),
                table,
                broken,
                closest.map(FrameEvaluation::conforms).orElse(false),
                closest.map(evaluation -> frame(evaluation.frame(), evaluation.verdicts())));
    }

    /**
     * One frame: raw bytes, layers and fields (value, offset, bit offset, width) and a verdict per field:
     * the table's when a row names it, else the protocol rules computed from the bytes, else "unchecked".
     */
    static DecodedFrame frame(Frame frame, List<RowVerdict> verdicts) {
        Map<String, RowVerdict> byField = new HashMap<>();
        for (RowVerdict verdict : verdicts) {
            byField.putIfAbsent(verdict.field(), verdict);
            if (!verdict.ok()) {
                byField.put(verdict.field(), verdict);
            }
        }
        List<DecodedFrame.Layer> layers = new ArrayList<>();
        for (Layer layer : frame.layers()) {
            List<DecodedFrame.Field> fields = new ArrayList<>();
            for (Field field : layer.fields()) {
                fields.add(judged(field, byField.get(field.name()), frame.checksFor(field.name())));
            }
            layers.add(new DecodedFrame.Layer(layer.name(), layer.protocol(), layer.offset(), fields));
        }
        List<DecodedFrame.RuleResult> rules = frame.checks().stream()
                .map(check -> new DecodedFrame.RuleResult(
                        check.field(), check.rule(), check.expected(), check.actual(), ruleVerdict(check.verdict())))
                .toList();
        return new DecodedFrame(
                frame.number(),
                frame.timestamp().toString(),
                frame.linkType(),
                LinkTypes.name(frame.linkType()),
                frame.capturedLength(),
                frame.originalLength(),
                frame.summary(),
                HexFormat.of().formatHex(frame.bytes()),
                layers,
                rules);
    }

    private static DecodedFrame.Field judged(Field field, RowVerdict row, List<RuleCheck> checks) {
        DecodedFrame.Field unchecked = new DecodedFrame.Field(
                field.name(),
                field.value(),
                field.kind().name(),
                field.offset(),
                field.bitOffset(),
                field.bitWidth(),
                FieldVerdict.UNCHECKED,
                "",
                Optional.empty());
        if (row != null) {
            return unchecked.judged(
                    row.ok() ? FieldVerdict.PASSED : FieldVerdict.FAILED,
                    row.expected(),
                    row.fromTable() ? JudgedBy.TABLE : JudgedBy.RULE);
        }
        if (checks.isEmpty()) {
            return unchecked;
        }
        boolean failed = checks.stream().anyMatch(check -> check.verdict() == RuleCheck.Verdict.FAIL);
        boolean unsure = checks.stream().anyMatch(check -> check.verdict() == RuleCheck.Verdict.UNVERIFIABLE);
        return unchecked.judged(
                failed ? FieldVerdict.FAILED : unsure ? FieldVerdict.UNVERIFIABLE : FieldVerdict.PASSED,
                checks.get(0).rule() + ": " + checks.get(0).expected(),
                JudgedBy.RULE);
    }

    private static RuleVerdict ruleVerdict(RuleCheck.Verdict verdict) {
        return switch (verdict) {
            case PASS -> RuleVerdict.PASS;
            case FAIL -> RuleVerdict.FAIL;
            case UNVERIFIABLE -> RuleVerdict.UNVERIFIABLE;
        };
    }

    /** A kernel table as the seed prints it: the rows the feature expects and the rows the node has. */
    static KernelTableEvidence kernelTable(
            String node,
            String command,
            List<String> columns,
            List<List<String>> written,
            List<List<String>> expected,
            List<List<String>> actual,
            CheckVerdict verdict) {
        List<KernelTableEvidence.ExpectedRow> rows = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            rows.add(new KernelTableEvidence.ExpectedRow(
                    expected.get(i),
                    i < written.size() ? written.get(i) : expected.get(i),
                    actual.contains(expected.get(i))));
        }
        return new KernelTableEvidence(node, command, verdict, columns, rows, actual);
    }

    /** The topology a scenario declared: segments, nodes with their interfaces, routers, etcd. */
    static TopologyEvidence topology(TopologySpec spec) {
        return new TopologyEvidence(
                spec.segments().stream()
                        .map(s -> new TopologyEvidence.Segment(
                                s.name(), s.subnet().toString()))
                        .toList(),
                spec.nodes().stream()
                        .map(n ->
                                new TopologyEvidence.Host(n.name(), spec.gateway(n.name()), interfaces(n.interfaces())))
                        .toList(),
                spec.routers().stream()
                        .map(r -> new TopologyEvidence.Host(r.name(), Optional.empty(), interfaces(r.interfaces())))
                        .toList(),
                spec.etcd().map(etcd -> new TopologyEvidence.Etcd(TopologySpec.ETCD, etcd.segment(), etcd.address())));
    }

    private static List<TopologyEvidence.Interface> interfaces(List<TopologySpec.InterfaceSpec> interfaces) {
        return interfaces.stream()
                .map(i -> new TopologyEvidence.Interface(i.name(), i.segment(), i.address()))
                .toList();
    }
}
