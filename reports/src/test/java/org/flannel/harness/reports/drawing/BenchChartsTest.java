package org.flannel.harness.reports.drawing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchChartsTest {
    @Test
    void axesEndOnOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(BenchCharts.niceCeiling(0)).isEqualTo(1);
        assertThat(BenchCharts.niceCeiling(7)).isEqualTo(10);
        assertThat(BenchCharts.niceCeiling(130)).isEqualTo(200);
        assertThat(BenchCharts.niceCeiling(4200)).isEqualTo(5000);
        assertThat(BenchCharts.niceCeiling(5000)).isEqualTo(5000);
    }
}
