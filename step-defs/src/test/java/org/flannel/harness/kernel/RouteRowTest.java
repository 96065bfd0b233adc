package org.flannel.harness.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteRowTest {
    private static final RouteRow VXLAN =
            new RouteRow("10.1.16.0", "10.1.16.0", "255.255.255.0", "UG", "flannel.1", "onlink");

    @Test
    void anExpectationWithOptionsJudgesTheOnlinkFlag() {
        RouteRow faked = new RouteRow("10.1.16.0", "10.168.0.3", "255.255.255.0", "UG", "eth0", "onlink");
        RouteRow hostGw = new RouteRow("10.1.16.0", "10.168.0.3", "255.255.255.0", "UG", "eth0", "");
        assertThat(hostGw.describes(faked)).as("a host-gw route made onlink").isFalse();
        assertThat(hostGw.describes(hostGw)).isTrue();
        assertThat(VXLAN.describes(new RouteRow("10.1.16.0", "10.1.16.0", "255.255.255.0", "UG", "flannel.1", "")))
                .as("a vxlan route without onlink")
                .isFalse();
    }

    @Test
    void anExpectationWithoutOptionsLeavesTheFlagUnjudged() {
        RouteRow unjudged = new RouteRow("10.1.16.0", "10.1.16.0", "255.255.255.0", "UG", "flannel.1");
        assertThat(unjudged.describes(VXLAN)).isTrue();
        assertThat(unjudged.cells()).hasSize(5);
        assertThat(VXLAN.cells()).hasSize(6);
    }

    @Test
    void routesThroughAnotherGatewayStillNameTheSameDestination() {
        RouteRow other = new RouteRow("10.1.16.0", "10.168.0.3", "255.255.255.0", "UG", "eth0", "");
        assertThat(VXLAN.sameDestination(other)).isTrue();
        assertThat(VXLAN.sameDestination(new RouteRow("10.1.16.0", "0.0.0.0", "255.255.0.0", "U", "eth0", "")))
                .isFalse();
    }
}
