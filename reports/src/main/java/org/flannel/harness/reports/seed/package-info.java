/**
 * The seed, the document the project starts from, split into statements, and the scenarios of the run
 * that demonstrate each. Built on the model.
 */
package org.flannel.harness.reports.seed;
