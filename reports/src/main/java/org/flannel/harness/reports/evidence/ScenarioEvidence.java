package org.flannel.harness.reports.evidence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flannel.harness.contracts.evidence.Evidence;
import org.flannel.harness.contracts.evidence.EvidenceJson;
import org.flannel.harness.contracts.evidence.FrameMatchEvidence;
import org.flannel.harness.contracts.evidence.HopTraceEvidence;
import org.flannel.harness.contracts.evidence.KernelTableEvidence;
import org.flannel.harness.contracts.evidence.PingSeriesEvidence;
import org.flannel.harness.contracts.evidence.TopologyEvidence;
import org.flannel.harness.reports.model.Attachment;
import org.flannel.harness.reports.model.Scenario;

/**
 * The structured evidence a scenario's steps attached (contracts' records, read back from their JSON):
 * frames judged, hop traces, kernel tables, pings left running across a fault, and its topology. An attachment
 * that cannot be read is reported and left out, never fatal.
 */
public record ScenarioEvidence(
        List<FrameMatchEvidence> frames,
        List<HopTraceEvidence> hops,
        List<KernelTableEvidence> kernelTables,
        List<PingSeriesEvidence> pings,
        Optional<TopologyData> topology) {

    public static ScenarioEvidence of(Scenario scenario) {
        List<FrameMatchEvidence> frames = new ArrayList<>();
        List<HopTraceEvidence> hops = new ArrayList<>();
        List<KernelTableEvidence> tables = new ArrayList<>();
        List<PingSeriesEvidence> pings = new ArrayList<>();
        Optional<TopologyEvidence> declared = Optional.empty();
        for (Attachment attachment : scenario.attachments()) {
            Optional<Evidence> evidence = attachment.isJson() ? read(scenario, attachment) : Optional.empty();
            if (evidence.isEmpty()) {
                continue;
            }
            if (evidence.get() instanceof FrameMatchEvidence frame) {
                frames.add(frame);
            } else if (evidence.get() instanceof HopTraceEvidence trace) {
                hops.add(trace);
            } else if (evidence.get() instanceof KernelTableEvidence table) {
                tables.add(table);
            } else if (evidence.get() instanceof PingSeriesEvidence series) {
                pings.add(series);
            } else if (evidence.get() instanceof TopologyEvidence topology && declared.isEmpty()) {
                declared = Optional.of(topology);
            }
        }
        return new ScenarioEvidence(frames, hops, tables, pings, TopologyData.of(scenario, declared));
    }

    static Optional<Evidence> read(Scenario scenario, Attachment attachment) {
        try {
            return EvidenceJson.read(attachment.body());
        } catch (IOException | RuntimeException e) {
            System.err.println("reports: cannot read " + attachment.name() + " of \"" + scenario.name() + "\": " + e);
            return Optional.empty();
        }
    }

    public boolean isEmpty() {
        return frames.isEmpty() && hops.isEmpty() && kernelTables.isEmpty();
    }
}
