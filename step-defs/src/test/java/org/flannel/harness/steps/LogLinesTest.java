package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogLinesTest {
    private static final String ROUTED = "10.1.16.0/24";
    private static final String REFUSED = "10.1.17.0/24";

    @Test
    void aRoutineLineAboutTheRefusedSubnetDoesNotCount() {
        String log = """
                I1205 10:00:01.100 123 route_network.go:88] Subnet added: 10.1.16.0/24 via 10.168.0.3
                I1205 10:00:02.200 123 route_network.go:88] Subnet added: 10.1.17.0/24 via 10.168.1.2
                """;
        assertThat(LogLines.saidOnlyOf(log, REFUSED, ROUTED)).isEmpty();
    }

    @Test
    void anErrorNamingTheRefusedSubnetCounts() {
        String log = """
                I1205 10:00:01.100 123 route_network.go:88] Subnet added: 10.1.16.0/24 via 10.168.0.3
                I1205 10:00:02.200 123 route_network.go:88] Subnet added: 10.1.17.0/24 via 10.168.1.2
                E1205 10:00:02.201 123 route_network.go:95] Error adding route to 10.1.17.0/24: network is unreachable
                """;
        assertThat(LogLines.saidOnlyOf(log, REFUSED, ROUTED))
                .hasValueSatisfying(line -> assertThat(line).contains("Error adding route"));
    }

    @Test
    void aLogThatNeverNamesTheSubnetSaysNothingOfIt() {
        assertThat(LogLines.saidOnlyOf("E1205 route add failed: network is unreachable\n", REFUSED, ROUTED))
                .isEmpty();
    }

    @Test
    void withNoLineAboutTheRoutedSubnetAnyLineNamingTheOtherCounts() {
        assertThat(LogLines.saidOnlyOf("W cannot route 10.1.17.0/24 via 10.168.1.2\n", REFUSED, ROUTED))
                .isPresent();
    }
}
