package org.flannel.harness.expect;

/**
 * One line of a diff: a field, what was expected of it, what the frame has, and whether that is fine.
 *
 * @param fromTable true for a row of the table, false for a protocol rule on a field the table does not name
 * @param present   whether the frame has the field at all (used to rank the closest frame)
 */
public record RowVerdict(
        String field, String expected, String actual, boolean ok, boolean fromTable, boolean present) {}
