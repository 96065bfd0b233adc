package org.flannel.reference.backend.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.kernel.IfAddress;
import org.flannel.reference.kernel.Link;
import org.flannel.reference.kernel.RecordingKernel;
import org.junit.jupiter.api.Test;

class UdpDeviceTest {

    @Test
    void flannel0GetsItsSubnetAddressAsA32ThenTheMtuThenUpThenTheNetworksRoute() {
        RecordingKernel kernel =
                new RecordingKernel().withLink(new Link(7, "flannel0", 1500, null, false, List.of(), Optional.empty()));

        new UdpDevice(kernel, "flannel0").configure(Ip4.parse("10.1.15.0"), Ip4Net.parse("10.1.0.0/16"), 1472);

        assertThat(kernel.calls())
                .containsExactly(
                        "address add 10.1.15.0/32 dev flannel0",
                        "link set flannel0 mtu 1472",
                        "link set flannel0 up",
                        "route replace 10.1.0.0/16 dev flannel0",
                        "sysctl net/ipv4/conf/flannel0/accept_local=1");
        Link link = kernel.link("flannel0").orElseThrow();
        assertThat(link.mtu()).isEqualTo(1472);
        assertThat(link.up()).isTrue();
        assertThat(link.ipv4Addresses()).containsExactly(new IfAddress(Ip4.parse("10.1.15.0"), 32));
    }
}
