package org.flannel.reference.backend.vxlan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flannel.reference.backend.Backend;
import org.flannel.reference.backend.LeaseSource;
import org.flannel.reference.backend.Network;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.kernel.IfAddress;
import org.flannel.reference.kernel.KernelException;
import org.flannel.reference.kernel.Link;
import org.flannel.reference.kernel.MacAddress;
import org.flannel.reference.kernel.RecordingKernel;
import org.flannel.reference.kernel.VxlanAttributes;
import org.flannel.reference.net.ExternalInterface;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseAttrs;
import org.flannel.reference.subnet.NetworkConfig;
import org.junit.jupiter.api.Test;

class VxlanBackendTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Ip4 NODE_IP = Ip4.parse("10.168.0.2");
    private static final ExternalInterface ETH0 = new ExternalInterface("eth0", 2, NODE_IP, NODE_IP, 1500);
    private static final Ip4Net OWN_SUBNET = Ip4Net.parse("10.1.15.0/24");

    private final RecordingKernel kernel = new RecordingKernel()
            .withLink(RecordingKernel.plainLink(2, "eth0", 1500, "52:54:00:12:34:56", new IfAddress(NODE_IP, 24)));

    /** A lease source that hands out 10.1.15.0/24, remembering what it was asked to publish and when. */
    private final class FakeLeaseSource implements LeaseSource {
        final List<LeaseAttrs> published = new ArrayList<>();
        List<String> kernelCallsAtAcquisition;

        @Override
        public Lease acquire(LeaseAttrs attrs) {
            published.add(attrs);
            kernelCallsAtAcquisition = kernel.calls();
            return new Lease(OWN_SUBNET, null, attrs, null);
        }
    }

    private final FakeLeaseSource leases = new FakeLeaseSource();

    private static NetworkConfig networkConfig(String backend) throws Exception {
        return NetworkConfig.parse("{\"Network\":\"10.1.0.0/16\",\"Backend\":" + backend + "}");
    }

    private Network register(String backend, ExternalInterface iface) throws Exception {
        NetworkConfig network = networkConfig(backend);
        Backend vxlan = VxlanConfig.parse(network.backend()).newBackend(network, iface, kernel);
        return vxlan.register(leases);
    }

    private Link flannel1() {
        return kernel.link("flannel.1").orElseThrow();
    }

    @Test
    void theDeviceMtuAndThePodMtuAreTheInterfaceMtuLess50() throws Exception {
        Network network = register("{\"Type\":\"vxlan\"}", ETH0);

        assertThat(flannel1().mtu()).isEqualTo(1450);
        assertThat(network.mtu()).isEqualTo(1450);
    }

    @Test
    void aBackendMtuIsTheUnderlaysAndAlsoLoses50() throws Exception {
        Network network = register("{\"Type\":\"vxlan\",\"MTU\":9000}", ETH0);

        assertThat(flannel1().mtu()).isEqualTo(8950);
        assertThat(network.mtu()).isEqualTo(8950);
    }

    @Test
    void theLeaseAttrsAreExactlyFlannelsJsonWithTheDevicesMac() throws Exception {
        register("{\"Type\":\"vxlan\"}", ETH0);

        MacAddress deviceMac = flannel1().mac();
        assertThat(leases.published).hasSize(1);
        assertThat(leases.published.get(0).toJson())
                .isEqualTo("{\"PublicIP\":\"10.168.0.2\",\"PublicIPv6\":null,"
                        + "\"BackendType\":\"vxlan\",\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"" + deviceMac + "\"}}");
    }

    @Test
    void theDeviceIsCreatedBeforeTheLeaseIsAcquiredAndConfiguredAfter() throws Exception {
        register("{\"Type\":\"vxlan\"}", ETH0);

        MacAddress mac = flannel1().mac();
        String create =
                "link add flannel.1 address " + mac + " mtu 1450 type vxlan id 1 local 10.168.0.2 dev eth0 nolearning";
        assertThat(leases.kernelCallsAtAcquisition)
                .containsExactly(create, "sysctl net/ipv6/conf/flannel.1/accept_ra=0");
        assertThat(kernel.calls())
                .containsExactly(
                        create,
                        "sysctl net/ipv6/conf/flannel.1/accept_ra=0",
                        "address add 10.1.15.0/32 dev flannel.1",
                        "link set flannel.1 up");
        assertThat(flannel1().up()).isTrue();
        assertThat(flannel1().ipv4Addresses()).containsExactly(new IfAddress(Ip4.parse("10.1.15.0"), 32));
    }

    @Test
    void theNewDevicesMacIsALocallyAdministeredUnicastAddress() throws Exception {
        register("{\"Type\":\"vxlan\"}", ETH0);

        int firstOctet = Integer.parseInt(flannel1().mac().toString().substring(0, 2), 16);
        assertThat(firstOctet & 0x03).isEqualTo(0x02);
    }

    @Test
    void theDeviceIsLocalToThePublicIpAndTheLeaseAdvertisesIt() throws Exception {
        Ip4 publicIp = Ip4.parse("203.0.113.7");
        ExternalInterface natted = new ExternalInterface("eth0", 2, NODE_IP, publicIp, 1500);

        register("{\"Type\":\"vxlan\",\"VNI\":5,\"Port\":4789}", natted);

        assertThat(kernel.calls().get(0))
                .startsWith("link add flannel.5 ")
                .contains(" local 203.0.113.7 dev eth0 ")
                .endsWith(" dstport 4789");
        assertThat(leases.published.get(0).publicIp()).isEqualTo(publicIp);
        assertThat(JSON.writeValueAsString(leases.published.get(0).backendData()))
                .isEqualTo("{\"VNI\":5,\"VtepMAC\":\""
                        + kernel.link("flannel.5").orElseThrow().mac() + "\"}");
    }

    @Test
    void aMacRewrittenBehindFlannelsBackFailsTheRegistrationInFlannelsWords() {
        kernel.withMacPolicy(MacAddress.parse("02:11:22:33:44:55"));

        assertThatThrownBy(() -> register("{\"Type\":\"vxlan\"}", ETH0))
                .isInstanceOf(KernelException.class)
                .hasMessage("flannel.1's mac address wanted: "
                        + leases.published.get(0).backendData().get("VtepMAC").asText()
                        + ", but got: 02:11:22:33:44:55");
    }

    @Test
    void aReusedDevicePublishesItsExistingMac() throws Exception {
        MacAddress existing = MacAddress.parse("5e:f8:4f:00:e3:37");
        kernel.withLink(new Link(
                7,
                "flannel.1",
                1450,
                existing,
                true,
                List.of(new IfAddress(Ip4.parse("10.1.15.0"), 32)),
                Optional.of(new VxlanAttributes(
                        1, Optional.of(NODE_IP), Optional.of("eth0"), 8472, false, false, Optional.empty()))));

        register("{\"Type\":\"vxlan\"}", ETH0);

        assertThat(kernel.calls()).containsExactly("link set flannel.1 up");
        assertThat(leases.published.get(0).toJson())
                .isEqualTo("{\"PublicIP\":\"10.168.0.2\",\"PublicIPv6\":null,"
                        + "\"BackendType\":\"vxlan\",\"BackendData\":{\"VNI\":1,\"VtepMAC\":\"5e:f8:4f:00:e3:37\"}}");
    }

    @Test
    void theNetworkCarriesTheAcquiredLeaseAndFollowsPeersOnTheDevice() throws Exception {
        Network network = register("{\"Type\":\"vxlan\"}", ETH0);
        assertThat(network.lease().subnet()).isEqualTo(OWN_SUBNET);
        kernel.clearCalls();

        network.peerAdded(new Lease(
                Ip4Net.parse("10.1.16.0/24"),
                null,
                new LeaseAttrs(
                        Ip4.parse("10.168.0.3"),
                        null,
                        "vxlan",
                        new VxlanLeaseData(1, MacAddress.parse("5e:f8:4f:00:e3:37")).toJson(),
                        null),
                null));

        assertThat(kernel.calls())
                .containsExactly(
                        "neigh replace 10.1.16.0 5e:f8:4f:00:e3:37 dev flannel.1",
                        "fdb replace 5e:f8:4f:00:e3:37 dev flannel.1 dst 10.168.0.3",
                        "route replace 10.1.16.0/24 via 10.1.16.0 dev flannel.1 onlink");
    }

    @Test
    void aFailedLeaseAcquisitionIsReportedAndTheDeviceIsNotConfigured() throws Exception {
        NetworkConfig network = networkConfig("{\"Type\":\"vxlan\"}");
        Backend vxlan = VxlanConfig.parse(network.backend()).newBackend(network, ETH0, kernel);

        assertThatThrownBy(() -> vxlan.register(attrs -> {
                    throw new IllegalStateException("failed to acquire lease: out of subnets");
                }))
                .hasMessage("failed to acquire lease: out of subnets");
        assertThat(kernel.calls()).noneMatch(call -> call.startsWith("address") || call.endsWith(" up"));
    }

    @Test
    void aRefusedDeviceCreationStopsBeforeAnyLeaseIsAcquired() {
        kernel.failOn("link add");

        assertThatThrownBy(() -> register("{\"Type\":\"vxlan\"}", ETH0)).isInstanceOf(KernelException.class);
        assertThat(leases.published).isEmpty();
    }
}
