package org.flannel.harness.contracts.evidence;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * A field of a decoded frame, judged: by a row of the feature's table, else by the protocol rules computed
 * from the bytes (unverifiable when the bytes needed were not captured), else not at all.
 */
public enum FieldVerdict {
    @JsonProperty("passed")
    PASSED,
    @JsonProperty("failed")
    FAILED,
    @JsonProperty("unverifiable")
    UNVERIFIABLE,
    @JsonProperty("unchecked")
    UNCHECKED;

    /** As the JSON writes it, lower case: "passed", "unchecked"; the pages use it as a CSS class too. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
