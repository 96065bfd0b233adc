package org.flannel.harness.contracts.evidence;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What judged a field: a row of the feature's table, or a protocol rule. */
public enum JudgedBy {
    @JsonProperty("table")
    TABLE,
    @JsonProperty("rule")
    RULE
}
