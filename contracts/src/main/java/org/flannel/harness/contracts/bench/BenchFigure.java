package org.flannel.harness.contracts.bench;

/**
 * One measured figure: what was measured ({@code metric}, in {@code unit}), for which backend, cluster size and
 * implementation. {@code value} is null when the figure cannot be measured for that backend (see the report's notes).
 */
public record BenchFigure(String backend, int nodes, String metric, String unit, String implementation, Double value) {}
