package org.flannel.harness.reports.model;

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
 */
public record Step(String keyword, String text, List<List<String>> table, String docString, Status status,
        String message, boolean hook) {

    public Step {
        table = List.copyOf(table);
    }
}
