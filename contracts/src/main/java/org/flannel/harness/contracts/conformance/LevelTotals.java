package org.flannel.harness.contracts.conformance;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collection;

/** How many requirements of one level passed, failed, did not apply, were skipped. */
public record LevelTotals(
        int pass, int fail, @JsonProperty("n/a") int notApplicable, int skipped, int total) {

    public static LevelTotals of(Collection<Requirement> requirements) {
        int pass = 0;
        int fail = 0;
        int notApplicable = 0;
        int skipped = 0;
        for (Requirement requirement : requirements) {
            switch (requirement.verdict()) {
                case PASS -> pass++;
                case FAIL -> fail++;
                case NOT_APPLICABLE -> notApplicable++;
                case SKIPPED -> skipped++;
            }
        }
        return new LevelTotals(pass, fail, notApplicable, skipped, requirements.size());
    }

    /** Requirements judged: those that passed or failed. */
    public int judged() {
        return pass + fail;
    }
}
