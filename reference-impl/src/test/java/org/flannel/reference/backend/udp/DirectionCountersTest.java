package org.flannel.reference.backend.udp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectionCountersTest {

    @Test
    void packetsBytesAnswersAndDropsAreCounted() {
        DirectionCounters counters = new DirectionCounters("flannel0->UDP");
        counters.forwarded(1472);
        counters.forwarded(84);
        counters.dropped(Drop.NO_PEER);
        counters.answered();
        counters.dropped(Drop.TTL_EXPIRED);
        counters.dropped(Drop.TTL_EXPIRED);

        assertThat(counters.packets()).isEqualTo(2);
        assertThat(counters.bytes()).isEqualTo(1556);
        assertThat(counters.drops(Drop.TTL_EXPIRED)).isEqualTo(2);
        assertThat(counters.describe())
                .isEqualTo(
                        "flannel0->UDP 2 packets 1556 bytes, 1 net unreachable sent, dropped no-peer=1 ttl-expired=2");
    }

    @Test
    void nothingDroppedSaysNone() {
        DirectionCounters counters = new DirectionCounters("UDP->flannel0");

        assertThat(counters.describe()).isEqualTo("UDP->flannel0 0 packets 0 bytes, dropped none");
    }

    @Test
    void bothDirectionsGoOnOneLine() {
        DirectionCounters fromTun = new DirectionCounters("flannel0->UDP");
        DirectionCounters fromUdp = new DirectionCounters("UDP->flannel0");
        fromUdp.dropped(Drop.UNKNOWN_SOURCE);

        try (CounterLog log = new CounterLog(fromTun, fromUdp)) {
            assertThat(log.line())
                    .isEqualTo("UDP data path counters: flannel0->UDP 0 packets 0 bytes, dropped none; "
                            + "UDP->flannel0 0 packets 0 bytes, dropped unknown-source=1")
                    .doesNotContain("\n");
        }
    }
}
