package org.flannel.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void theMedianOfAnOddCountIsTheMiddleSampleWhateverTheOrder() {
        assertThat(Summary.of(List.of(30.0, 10.0, 20.0)).median()).isEqualTo(20.0);
    }

    @Test
    void theMedianOfAnEvenCountIsTheLowerMiddleSample() {
        // Nearest rank: a measured value, never an average of two.
        assertThat(Summary.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.0);
    }

    @Test
    void p99OfAHundredSamplesIsTheNinetyNinthAndMaxTheLast() {
        List<Double> samples = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            samples.add((double) i);
        }
        Summary summary = Summary.of(samples);
        assertThat(summary.p99()).isEqualTo(99.0);
        assertThat(summary.max()).isEqualTo(100.0);
        assertThat(summary.count()).isEqualTo(100);
    }

    @Test
    void p99OfFewSamplesIsTheirMaximum() {
        assertThat(Summary.of(List.of(5.0, 7.0, 6.0)).p99()).isEqualTo(7.0);
    }

    @Test
    void noSampleIsNoSummary() {
        assertThatThrownBy(() -> Summary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
