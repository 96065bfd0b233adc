package org.flannel.harness.contracts.conformance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

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

    /**
     * A pickle's outcome from Cucumber's status, by name: the plugin's events (PASSED ... UNUSED) and the
     * message stream (PASSED ... UNKNOWN) name them alike. A pickle that did not apply is n/a when skipped.
     */
    public static Outcome of(String cucumberStatus, boolean applicable) {
        return switch (cucumberStatus.toUpperCase(Locale.ROOT)) {
            case "PASSED" -> PASSED;
            case "FAILED" -> FAILED;
            case "UNDEFINED" -> UNDEFINED;
            case "PENDING" -> PENDING;
            case "AMBIGUOUS" -> AMBIGUOUS;
            case "SKIPPED", "UNUSED", "UNKNOWN" -> applicable ? SKIPPED : NOT_APPLICABLE;
            default -> throw new IllegalArgumentException("unknown Cucumber status " + cucumberStatus);
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
