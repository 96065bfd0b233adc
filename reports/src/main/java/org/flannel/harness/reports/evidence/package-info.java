/**
 * What the steps attached, read back: contracts' evidence records per scenario, the topology, the nodes'
 * kernel dumps, a fault scenario over time, the evidence files of the site, and the picks the teaching pages
 * draw. Built on the model.
 */
package org.flannel.harness.reports.evidence;
