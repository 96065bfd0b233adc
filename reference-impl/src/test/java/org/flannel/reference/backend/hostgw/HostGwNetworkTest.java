package org.flannel.reference.backend.hostgw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.Executors;
import org.flannel.reference.backend.Network;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.kernel.RecordingKernel;
import org.flannel.reference.kernel.Route;
import org.flannel.reference.net.ExternalInterface;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseAttrs;
import org.junit.jupiter.api.Test;

/** host-gw with a recording kernel: the routes it asks for, replaces, restores and removes. */
class HostGwNetworkTest {
    private static final ExternalInterface ETH0 =
            new ExternalInterface("eth0", 2, Ip4.parse("10.168.0.2"), Ip4.parse("10.168.0.2"), 1500);
    private static final String ROUTE = "route replace 10.1.16.0/24 via 10.168.0.3 dev eth0";

    private final RecordingKernel kernel = new RecordingKernel();
    private final HostGwNetwork network =
            new HostGwNetwork(kernel, ETH0, own(), Executors.newSingleThreadScheduledExecutor());

    private static Lease own() {
        return lease("10.1.15.0/24", "10.168.0.2", "host-gw");
    }

    private static Lease lease(String subnet, String publicIp, String type) {
        return new Lease(Ip4Net.parse(subnet), null, new LeaseAttrs(Ip4.parse(publicIp), null, type, null, null), null);
    }

    @Test
    void aPeerIsRoutedViaItsPublicIpOnTheExternalInterface() {
        network.peerAdded(lease("10.1.16.0/24", "10.168.0.3", "host-gw"));

        assertThat(kernel.calls()).containsExactly(ROUTE);
    }

    @Test
    void leasesOfOtherBackendsAreIgnored() {
        network.peerAdded(lease("10.1.16.0/24", "10.168.0.3", "vxlan"));
        network.peerAdded(lease("10.1.17.0/24", "10.168.0.4", null));

        assertThat(kernel.calls()).isEmpty();
    }

    @Test
    void anIdenticalRouteIsLeftAloneAndADifferentOneReplaced() {
        kernel.withRoute(Route.via(Ip4Net.parse("10.1.16.0/24"), Ip4.parse("10.168.0.3"), Optional.of("eth0")));
        network.peerAdded(lease("10.1.16.0/24", "10.168.0.3", "host-gw"));
        assertThat(kernel.calls()).isEmpty();

        network.peerAdded(lease("10.1.16.0/24", "10.168.0.9", "host-gw"));
        assertThat(kernel.calls()).containsExactly("route replace 10.1.16.0/24 via 10.168.0.9 dev eth0");
    }

    @Test
    void aLeaseThatGoesTakesItsRoute() {
        network.peerAdded(lease("10.1.16.0/24", "10.168.0.3", "host-gw"));
        network.peerRemoved(Ip4Net.parse("10.1.16.0/24"));

        assertThat(kernel.calls()).containsExactly(ROUTE, "route delete 10.1.16.0/24 via 10.168.0.3 dev eth0");
        assertThat(kernel.routes()).isEmpty();
    }

    @Test
    void aRefusedRouteIsReportedNotThrownAndIsTriedAgainByTheRecheck() {
        kernel.failOn("route replace 10.1.17.0/24");
        network.peerAdded(lease("10.1.17.0/24", "10.168.1.2", "host-gw"));
        network.peerAdded(lease("10.1.16.0/24", "10.168.0.3", "host-gw"));
        assertThat(kernel.routes()).extracting(Route::toString).containsExactly("10.1.16.0/24 via 10.168.0.3 dev eth0");

        kernel.clearCalls();
        network.restoreMissingRoutes();
        assertThat(kernel.calls()).containsExactly("route replace 10.1.17.0/24 via 10.168.1.2 dev eth0");
    }

    @Test
    void aRouteSomeoneDeletedIsRestoredByTheRecheck() {
        network.peerAdded(lease("10.1.16.0/24", "10.168.0.3", "host-gw"));
        kernel.deleteRoute(Route.via(Ip4Net.parse("10.1.16.0/24"), Ip4.parse("10.168.0.3"), Optional.of("eth0")));
        kernel.clearCalls();

        network.restoreMissingRoutes();

        assertThat(kernel.calls()).containsExactly(ROUTE);
        network.restoreMissingRoutes();
        assertThat(kernel.calls()).containsExactly(ROUTE);
    }

    @Test
    void podsGetTheUnderlaysMtu() {
        assertThat(network.mtu()).isEqualTo(1500);
    }

    @Test
    void aPublicIpOtherThanTheInterfacesIsRefusedAsFlannelRefusesNat() {
        ExternalInterface natted =
                new ExternalInterface("eth0", 2, Ip4.parse("10.168.0.2"), Ip4.parse("192.0.2.7"), 1500);
        assertThatThrownBy(() ->
                        new HostGwConfig().newBackend(null, natted, kernel).register(attrs -> own()))
                .hasMessage("your PublicIP differs from interface IP, meaning that probably you're on a NAT, which is "
                        + "not supported by host-gw backend");
    }

    @Test
    void theLeaseSaysHostGwAndNothingElse() throws Exception {
        LeaseAttrs[] published = new LeaseAttrs[1];
        Network registered = new HostGwConfig().newBackend(null, ETH0, kernel).register(attrs -> {
            published[0] = attrs;
            return own();
        });
        registered.close();
        assertThat(published[0].toJson())
                .isEqualTo("{\"PublicIP\":\"10.168.0.2\",\"PublicIPv6\":null,\"BackendType\":\"host-gw\"}");
    }
}
