package org.flannel.harness.conformance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cucumber.plugin.event.Status;

/** What became of one pickle (a scenario, or one example of an outline). */
public enum Outcome {
    PASSED("passed"),
    FAILED("failed"),
    /** Cucumber ran no step: a step has no definition. The harness cannot judge, so it counts as a failure. */
    UNDEFINED("undefined"),
    PENDING("pending"),
    AMBIGUOUS("ambiguous"),
    /** Its backend is not declared (-Dflannel.backends): aborted before any step, never a failure. */
    NOT_APPLICABLE("n/a"),
    /** Skipped for another reason (an aborted assumption, a dry run). */
    SKIPPED("skipped");

    private final String json;

    Outcome(String json) {
        this.json = json;
    }

    public boolean failing() {
        return this == FAILED || this == UNDEFINED || this == PENDING || this == AMBIGUOUS;
    }

    static Outcome of(Status status, boolean applicable) {
        return switch (status) {
            case PASSED -> PASSED;
            case FAILED -> FAILED;
            case UNDEFINED -> UNDEFINED;
            case PENDING -> PENDING;
            case AMBIGUOUS -> AMBIGUOUS;
            case SKIPPED, UNUSED -> applicable ? SKIPPED : NOT_APPLICABLE;
        };
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static Outcome fromJson(String value) {
        for (Outcome outcome : values()) {
            if (outcome.json.equals(value)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown pickle status " + value);
    }
}
