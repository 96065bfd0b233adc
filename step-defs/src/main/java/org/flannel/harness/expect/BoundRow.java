package org.flannel.harness.expect;

/**
 * A row ready to judge frames: its field name checked against the catalog and its symbol resolved.
 *
 * @param row          the row as written
 * @param fieldName    the decoder's name for the field
 * @param expected     what is asked for (a symbol has become a literal)
 * @param expectedText how the expected column reads in a diff: {@code node2.vtep.mac = 5e:f8:4f:00:e3:37}
 */
record BoundRow(ExpectationRow row, String fieldName, Expected expected, String expectedText) {}
