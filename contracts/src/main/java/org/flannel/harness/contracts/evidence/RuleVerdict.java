package org.flannel.harness.contracts.evidence;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A protocol rule computed from a frame's bytes (a checksum, a length): pass, fail, or unverifiable. */
public enum RuleVerdict {
    @JsonProperty("pass")
    PASS,
    @JsonProperty("fail")
    FAIL,
    @JsonProperty("unverifiable")
    UNVERIFIABLE
}
