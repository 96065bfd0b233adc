package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.flannel.harness.contracts.evidence.CheckVerdict;
import org.flannel.harness.contracts.evidence.PingSeriesEvidence;
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

    /** As ping -D prints it: each line after its time, in seconds since the epoch. */
    private static final String STAMPED = """
            PING 10.1.16.3 (10.1.16.3) 56(84) bytes of data.
            [1796498199.230222] 64 bytes from 10.1.16.3: icmp_seq=1 ttl=62 time=0.222 ms
            [1796498199.636980] no answer yet for icmp_seq=2
            [1796498201.033123] 64 bytes from 10.1.16.3: icmp_seq=2 ttl=62 time=1200 ms
            [1796498199.840982] no answer yet for icmp_seq=3
            [1796498200.044876] 64 bytes from 10.1.16.3: icmp_seq=4 ttl=62 time=0.3 ms
            """;

    @Test
    void unansweredRequestsAreLostButLateRepliesCountAndTheLastOnesAreInFlight() {
        PingSeries series = PingSeries.parse(OUTPUT, 1, 200);

        assertThat(series.judged()).isEqualTo(6);
        assertThat(series.lost()).containsExactly(2, 6);
        assertThat(series.describe()).isEqualTo("6 echo requests judged, 2 lost (icmp_seq 2, 6)");
        assertThat(series.requests()).hasSize(7).allSatisfy(r -> assertThat(r.sent())
                .isEmpty());
    }

    @Test
    void aPingThatSentNothingJudgesNothing() {
        assertThat(PingSeries.parse("PING 10.1.16.3 (10.1.16.3) 56(84) bytes of data.\n", 5, 200)
                        .judged())
                .isZero();
    }

    @Test
    void eachRequestLeftAtItsReplysTimeLessTheRoundTripOrOneIntervalBeforePingSaidItHadNoAnswer() {
        PingSeries series = PingSeries.parse(STAMPED, 1, 200);

        assertThat(series.judged()).isEqualTo(3);
        assertThat(series.lost()).containsExactly(3);
        assertThat(series.requests())
                .extracting(PingSeriesEvidence.Request::seq)
                .containsExactly(1, 2, 3, 4);
        assertThat(series.requests().get(0).sentAt()).contains(Instant.parse("2026-12-05T19:16:39.230000Z"));
        // Answered late: the reply's time less its 1200 ms round trip, not the "no answer yet" line's.
        assertThat(series.requests().get(1).sentAt()).contains(Instant.parse("2026-12-05T19:16:39.833123Z"));
        assertThat(series.requests().get(1).rttMillis()).contains(1200.0);
        assertThat(series.requests().get(2).sentAt()).contains(Instant.parse("2026-12-05T19:16:39.640982Z"));
        assertThat(series.requests().get(2).answered()).isFalse();
    }

    @Test
    void itsEvidenceCarriesTheCheckAndEveryRequest() {
        Instant started = Instant.parse("2026-12-05T19:16:39.000Z");
        PingSeriesEvidence evidence = PingSeries.parse(STAMPED, 1, 200)
                .evidence(
                        "container-1",
                        "10.1.16.3",
                        started,
                        started.plusSeconds(2),
                        Optional.of(0),
                        Optional.of(CheckVerdict.FAILED));

        assertThat(evidence.source()).isEqualTo("container-1");
        assertThat(evidence.intervalMillis()).isEqualTo(200);
        assertThat(evidence.lost()).containsExactly(3);
        assertThat(evidence.inFlight(evidence.requests().get(3))).isTrue();
        assertThat(evidence.started()).contains("2026-12-05T19:16:39Z");
    }
}
