/**
 * HTML fragments drawn from the evidence: the frame diagram, the byte dump, the hop trace, kernel tables,
 * the topology picture, a fault scenario's timeline, badges and escaping. They write no file and know no page.
 */
package org.flannel.harness.reports.drawing;
