package org.flannel.harness.contracts.conformance;

/**
 * One pickle as the plugin saw it, with what it needs to be grouped into its requirement: its tags read,
 * its scenario (the line of the Scenario or Scenario Outline, shared by an outline's examples), the
 * scenario's title as written and its {@code Source:} line.
 */
public record PickleObservation(
        RequirementTags tags, int scenarioLine, String title, String source, PickleResult result) {}
