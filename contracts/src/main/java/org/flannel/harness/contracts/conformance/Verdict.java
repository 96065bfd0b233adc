package org.flannel.harness.contracts.conformance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;

/**
 * A requirement's verdict, from all its pickles (an outline's examples share its ID): it fails if any
 * fails; it is n/a if none applies; skipped if what applies was skipped; otherwise it passes (examples
 * that do not apply do not stop the others from passing).
 */
public enum Verdict {
    PASS("pass"),
    FAIL("fail"),
    NOT_APPLICABLE("n/a"),
    SKIPPED("skipped");

    private final String json;

    Verdict(String json) {
        this.json = json;
    }

    public static Verdict of(Collection<Outcome> outcomes) {
        if (outcomes.stream().anyMatch(Outcome::failing)) {
            return FAIL;
        }
        if (outcomes.stream().allMatch(outcome -> outcome == Outcome.NOT_APPLICABLE)) {
            return NOT_APPLICABLE;
        }
        if (outcomes.stream().anyMatch(outcome -> outcome == Outcome.SKIPPED)) {
            return SKIPPED;
        }
        return PASS;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static Verdict fromJson(String value) {
        for (Verdict verdict : values()) {
            if (verdict.json.equals(value)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("unknown verdict " + value);
    }
}
