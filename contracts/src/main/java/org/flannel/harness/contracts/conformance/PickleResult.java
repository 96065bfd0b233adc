package org.flannel.harness.contracts.conformance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One pickle as the report keeps it: its name (an outline's example with its values filled in), where it
 * is, its outcome, how long it took, the step that failed and the failure's whole message (field diffs,
 * kernel tables), why it was skipped or does not apply, and the names of its attachments (the evidence is
 * in cucumber.html).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PickleResult(
        String name,
        String feature,
        int line,
        Outcome status,
        long durationMillis,
        String failedStep,
        String failure,
        String reason,
        List<String> attachments) {
    public PickleResult {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
