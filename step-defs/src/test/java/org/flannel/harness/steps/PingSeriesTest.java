package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PingSeriesTest {
    private static final String OUTPUT = """
            PING 10.1.16.3 (10.1.16.3) 56(84) bytes of data.
            64 bytes from 10.1.16.3: icmp_seq=1 ttl=62 time=0.2 ms
            no answer yet for icmp_seq=2
            64 bytes from 10.1.16.3: icmp_seq=3 ttl=62 time=0.2 ms
            no answer yet for icmp_seq=4
            64 bytes from 10.1.16.3: icmp_seq=4 ttl=62 time=1200 ms
            64 bytes from 10.1.16.3: icmp_seq=5 ttl=62 time=0.2 ms
            no answer yet for icmp_seq=6
            no answer yet for icmp_seq=7
            """;

    @Test
    void unansweredRequestsAreLostButLateRepliesCountAndTheLastOnesAreInFlight() {
        PingSeries series = PingSeries.parse(OUTPUT, 1);

        assertThat(series.judged()).isEqualTo(6);
        assertThat(series.lost()).containsExactly(2, 6);
        assertThat(series.describe()).isEqualTo("6 echo requests judged, 2 lost (icmp_seq 2, 6)");
    }

    @Test
    void aPingThatSentNothingJudgesNothing() {
        assertThat(PingSeries.parse("PING 10.1.16.3 (10.1.16.3) 56(84) bytes of data.\n", 5).judged()).isZero();
    }
}
