package org.flannel.harness.contracts.evidence;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a check a step made came out: a header table, a hop, a kernel table. */
public enum CheckVerdict {
    @JsonProperty("passed")
    PASSED,
    @JsonProperty("failed")
    FAILED;

    public static CheckVerdict of(boolean passed) {
        return passed ? PASSED : FAILED;
    }

    public boolean passed() {
        return this == PASSED;
    }
}
