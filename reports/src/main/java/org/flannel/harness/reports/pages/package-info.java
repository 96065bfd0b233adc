/**
 * The site's pages, each written whole from the run, the seed, the evidence and the drawings, in the layout
 * every page shares.
 */
package org.flannel.harness.reports.pages;
