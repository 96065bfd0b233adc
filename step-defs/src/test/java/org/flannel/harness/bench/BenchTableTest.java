package org.flannel.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flannel.harness.contracts.bench.BenchFigure;
import org.junit.jupiter.api.Test;

class BenchTableTest {
    @Test
    void implementationsSideBySideWithTheRatioToTheFirst() {
        String table = BenchTable.format(
                List.of("a", "b"),
                List.of(
                        new BenchFigure("vxlan", 10, "add: median", "ms", "a", 40.0),
                        new BenchFigure("vxlan", 10, "add: median", "ms", "b", 10.0),
                        new BenchFigure("udp", 10, "mesh", "", "a", null),
                        new BenchFigure("udp", 10, "mesh", "", "b", null)));
        assertThat(table.lines().toList())
                .containsExactly(
                        "backend  N   metric              a    b   b/a",
                        "vxlan    10  add: median (ms)   40   10  0.25",
                        "udp      10  mesh              n/a  n/a     -");
    }

    @Test
    void aFigureOneImplementationLacksIsADash() {
        String table =
                BenchTable.format(List.of("a", "b"), List.of(new BenchFigure("vxlan", 5, "rss", "MiB", "a", 77.94)));
        assertThat(table.lines().skip(1).findFirst().orElseThrow()).isEqualTo("vxlan    5  rss (MiB)  77.9  -    -");
    }

    @Test
    void numbersKeepAboutThreeSignificantDigits() {
        assertThat(BenchTable.number(1234.56)).isEqualTo("1235");
        assertThat(BenchTable.number(12.345)).isEqualTo("12.3");
        assertThat(BenchTable.number(1.2345)).isEqualTo("1.23");
        assertThat(BenchTable.number(3.0)).isEqualTo("3");
    }
}
