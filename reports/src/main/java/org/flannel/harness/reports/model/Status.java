package org.flannel.harness.reports.model;

import java.util.Collection;
import java.util.Locale;
import org.flannel.harness.contracts.evidence.CheckVerdict;

/** A verdict, worst last: a scenario takes its worst step's. */
public enum Status {
    PASSED,
    NOT_RUN,
    SKIPPED,
    PENDING,
    UNDEFINED,
    AMBIGUOUS,
    FAILED;

    /** Cucumber's status names (PASSED, SKIPPED, UNKNOWN, ...); anything unknown counts as not run. */
    public static Status of(String cucumber) {
        if (cucumber == null) {
            return NOT_RUN;
        }
        try {
            return valueOf(cucumber.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return NOT_RUN;
        }
    }

    /** A check's verdict as the steps attached it (passed or failed). */
    public static Status of(CheckVerdict verdict) {
        return verdict.passed() ? PASSED : FAILED;
    }

    public static Status worst(Collection<Status> statuses) {
        Status worst = null;
        for (Status status : statuses) {
            worst = worst == null || status.ordinal() > worst.ordinal() ? status : worst;
        }
        return worst == null ? NOT_RUN : worst;
    }

    /** A problem a person has to look at: failed, undefined, ambiguous or pending. */
    public boolean isProblem() {
        return ordinal() >= PENDING.ordinal();
    }

    /** Lower case, with a space: "passed", "not run"; also the CSS class. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public String cssClass() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
