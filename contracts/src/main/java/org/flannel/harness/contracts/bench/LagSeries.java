package org.flannel.harness.contracts.bench;

import java.util.List;

/** Every lag one phase measured (milliseconds, one per node and lease operation): the page draws their distribution. */
public record LagSeries(String backend, int nodes, String phase, String implementation, List<Double> lagsMs) {
    public LagSeries {
        lagsMs = List.copyOf(lagsMs);
    }
}
