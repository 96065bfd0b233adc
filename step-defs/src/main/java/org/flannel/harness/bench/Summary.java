package org.flannel.harness.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median, 99th percentile and maximum of some samples (nearest-rank percentiles: always a measured value). */
public record Summary(int count, double median, double p99, double max) {
    public static Summary of(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return new Summary(
                sorted.size(), percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1));
    }

    /** Nearest rank: the smallest sample with at least {@code percent}% of the samples at or below it. */
    static double percentile(List<Double> sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
