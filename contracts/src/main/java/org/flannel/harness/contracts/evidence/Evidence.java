package org.flannel.harness.contracts.evidence;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Structured evidence a step attaches to its scenario as JSON, for the living documentation to draw: told
 * apart by its {@code kind} ({@code frame-match}, {@code hop-trace}, {@code kernel-table}, {@code topology},
 * {@code ping-series}).
 * step-defs writes these records and reports reads them back, both with {@link EvidenceJson}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = Evidence.KIND)
@JsonSubTypes({
    @JsonSubTypes.Type(value = FrameMatchEvidence.class, name = FrameMatchEvidence.KIND),
    @JsonSubTypes.Type(value = HopTraceEvidence.class, name = HopTraceEvidence.KIND),
    @JsonSubTypes.Type(value = KernelTableEvidence.class, name = KernelTableEvidence.KIND),
    @JsonSubTypes.Type(value = TopologyEvidence.class, name = TopologyEvidence.KIND),
    @JsonSubTypes.Type(value = PingSeriesEvidence.class, name = PingSeriesEvidence.KIND)
})
public sealed interface Evidence
        permits FrameMatchEvidence, HopTraceEvidence, KernelTableEvidence, TopologyEvidence, PingSeriesEvidence {
    /** The JSON property that names the kind. */
    String KIND = "kind";
}
