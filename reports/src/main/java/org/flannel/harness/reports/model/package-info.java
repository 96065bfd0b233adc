/**
 * The run as its Cucumber messages tell it (features, scenarios, steps, attachments, verdicts), and its
 * scenarios judged requirement by requirement with contracts' model. Depends on no other layer of the site.
 */
package org.flannel.harness.reports.model;
