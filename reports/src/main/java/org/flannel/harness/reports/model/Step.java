package org.flannel.harness.reports.model;

import java.time.Instant;
import java.util.List;

/**
 * One step of a scenario as it ran.
 *
 * @param keyword   Given, When, Then, And (from the feature file; empty for hooks)
 * @param text      the step's text, or the hook's name
 * @param table     its data table, rows of cells (empty when none)
 * @param docString its doc string (null when none)
 * @param status    its verdict
 * @param message   the failure message, when it failed
 * @param hook      true for a Before/After hook
 * @param type      what Gherkin makes of it, And and But resolved: {@code Context} (Given), {@code Action} (When),
 *                  {@code Outcome} (Then); "" for hooks and when the messages do not say
 * @param started   when it started (null when the messages do not say: it did not run)
 * @param finished  when it finished (null when the messages do not say)
 */
public record Step(
        String keyword,
        String text,
        List<List<String>> table,
        String docString,
        Status status,
        String message,
        boolean hook,
        String type,
        Instant started,
        Instant finished) {

    public static final String CONTEXT = "Context";
    public static final String ACTION = "Action";
    public static final String OUTCOME = "Outcome";

    public Step {
        table = List.copyOf(table);
        type = type == null ? "" : type;
    }

    /** A step without its type and times. */
    public Step(
            String keyword,
            String text,
            List<List<String>> table,
            String docString,
            Status status,
            String message,
            boolean hook) {
        this(keyword, text, table, docString, status, message, hook, "", null, null);
    }

    /** A Then step (or an And after one): a check. */
    public boolean isOutcome() {
        return type.equals(OUTCOME) || type.isEmpty() && !hook && keyword.equals("Then");
    }
}
