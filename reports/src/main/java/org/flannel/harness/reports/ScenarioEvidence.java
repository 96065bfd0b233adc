package org.flannel.harness.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The structured evidence a scenario's steps attached (JSON): frames judged, hop traces, kernel tables, topology. */
public record ScenarioEvidence(List<FrameMatch> frames, List<HopTraceData> hops, List<KernelTableData> kernelTables,
        Optional<TopologyData> topology) {

    public static ScenarioEvidence of(Scenario scenario) {
        List<FrameMatch> frames = new ArrayList<>();
        List<HopTraceData> hops = new ArrayList<>();
        List<KernelTableData> tables = new ArrayList<>();
        for (Attachment attachment : scenario.attachments()) {
            if (!attachment.isJson()) {
                continue;
            }
            Optional<JsonNode> json = Json.parse(attachment);
            if (json.isEmpty()) {
                continue;
            }
            try {
                switch (json.get().path("kind").asText("")) {
                    case "frame-match" -> frames.add(FrameMatch.parse(json.get()));
                    case "hop-trace" -> hops.add(HopTraceData.parse(json.get()));
                    case "kernel-table" -> tables.add(KernelTableData.parse(json.get()));
                    default -> { }
                }
            } catch (RuntimeException e) {
                System.err.println("reports: cannot read " + attachment.name() + " of \"" + scenario.name() + "\": " + e);
            }
        }
        return new ScenarioEvidence(frames, hops, tables, TopologyData.of(scenario));
    }

    public boolean isEmpty() {
        return frames.isEmpty() && hops.isEmpty() && kernelTables.isEmpty();
    }
}
