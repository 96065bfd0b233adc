package org.flannel.harness.contracts.conformance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A requirement judged: its ID ("(none)" for an untagged scenario), level, backends, title (the scenario's
 * name as written, an outline's with its placeholders), the {@code Source:} line of its description, where
 * it is written, its verdict and the pickles it was judged on.
 */
public record Requirement(
        String id,
        Level level,
        List<String> backends,
        String title,
        String source,
        String feature,
        int line,
        Verdict verdict,
        List<PickleResult> pickles) {
    public Requirement {
        backends = List.copyOf(backends);
        pickles = List.copyOf(pickles);
        source = source == null ? "" : source;
    }

    /** "R-VXLAN-FDB-01", or for an untagged scenario "(none) vxlan/01-node-state.feature:29". */
    @JsonIgnore
    public String key() {
        return id.equals(RequirementTags.NO_ID) ? id + " " + shortLocation() : id;
    }

    /** The feature file from "features/" on, and the line: "vxlan/01-node-state.feature:29". */
    @JsonIgnore
    public String shortLocation() {
        return Requirements.shortLocation(feature, line);
    }

    /** The backends as one heading: "vxlan", "host-gw + vxlan", or "any backend". */
    @JsonIgnore
    public String backendGroup() {
        return backends.isEmpty() ? "any backend" : String.join(" + ", backends);
    }
}
