package org.flannel.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataPathTest {
    @Test
    void eachReplysRoundTripIsRead() {
        String ping = "PING 10.1.9.2 (10.1.9.2) 56(84) bytes of data.\n"
                + "64 bytes from 10.1.9.2: icmp_seq=1 ttl=62 time=0.412 ms\n"
                + "64 bytes from 10.1.9.2: icmp_seq=2 ttl=62 time=1.05 ms\n\n"
                + "rtt min/avg/max/mdev = 0.412/0.731/1.050/0.319 ms\n";
        assertThat(DataPath.rtts(ping)).containsExactly(0.412, 1.05);
    }
}
