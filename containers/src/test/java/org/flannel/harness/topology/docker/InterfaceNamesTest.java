package org.flannel.harness.topology.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.flannel.harness.topology.TopologySpec.InterfaceSpec;
import org.junit.jupiter.api.Test;

class InterfaceNamesTest {
    private static final String IP_OUTPUT = """
            1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
            14: eth1    inet 10.168.1.1/24 brd 10.168.1.255 scope global eth1\\       valid_lft forever preferred_lft forever
            16: eth0    inet 10.168.0.1/24 brd 10.168.0.255 scope global eth0\\       valid_lft forever preferred_lft forever
            """;

    @Test
    void parsesAddressesOfIpOneLineOutput() {
        assertThat(InterfaceNames.parseAddresses(IP_OUTPUT))
                .containsExactly(
                        Map.entry("127.0.0.1", "lo"), Map.entry("10.168.1.1", "eth1"), Map.entry("10.168.0.1", "eth0"));
    }

    @Test
    void nothingToDoWhenDockerAgreesWithTheSpec() {
        assertThat(InterfaceNames.renames(
                        InterfaceNames.parseAddresses(IP_OUTPUT),
                        List.of(
                                new InterfaceSpec("eth0", "underlay", "10.168.0.1"),
                                new InterfaceSpec("eth1", "underlay2", "10.168.1.1")),
                        "router"))
                .isEmpty();
    }

    @Test
    void swappedNamesGoThroughTemporaryOnes() {
        assertThat(InterfaceNames.renames(
                        InterfaceNames.parseAddresses(IP_OUTPUT),
                        List.of(
                                new InterfaceSpec("eth0", "underlay2", "10.168.1.1"),
                                new InterfaceSpec("eth1", "underlay", "10.168.0.1")),
                        "node4"))
                .containsExactly(
                        "ip link set dev eth1 down", "ip link set dev eth1 name fcrename0",
                        "ip link set dev eth0 down", "ip link set dev eth0 name fcrename1",
                        "ip link set dev fcrename0 name eth0", "ip link set dev eth0 up",
                        "ip link set dev fcrename1 name eth1", "ip link set dev eth1 up");
    }

    @Test
    void aMissingAddressIsReportedWithWhatDockerGave() {
        assertThatThrownBy(() -> InterfaceNames.renames(
                        InterfaceNames.parseAddresses(IP_OUTPUT),
                        List.of(new InterfaceSpec("eth0", "underlay", "10.168.0.7")),
                        "node1"))
                .hasMessageContaining("node1 has no interface with its address 10.168.0.7")
                .hasMessageContaining("10.168.1.1=eth1");
    }
}
