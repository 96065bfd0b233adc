package org.flannel.reference.backend.vxlan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.kernel.MacAddress;
import org.flannel.reference.kernel.RecordingKernel;
import org.flannel.reference.kernel.Route;
import org.flannel.reference.net.ExternalInterface;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseAttrs;
import org.flannel.reference.testing.CapturedStderr;
import org.junit.jupiter.api.Test;

/** The seed's example: node1 (10.1.15.0/24, 10.168.0.2) follows node2 (10.1.16.0/24, 10.168.0.3, 5e:f8:4f:00:e3:37). */
class VxlanNetworkTest {

    private static final String PEER_MAC = "5e:f8:4f:00:e3:37";
    private static final String NEW_PEER_MAC = "7a:10:20:30:40:50";

    private static final List<String> PEER_PROGRAMMED = List.of(
            "neigh replace 10.1.16.0 5e:f8:4f:00:e3:37 dev flannel.1",
            "fdb replace 5e:f8:4f:00:e3:37 dev flannel.1 dst 10.168.0.3",
            "route replace 10.1.16.0/24 via 10.1.16.0 dev flannel.1 onlink");
    private static final List<String> PEER_UNPROGRAMMED = List.of(
            "neigh delete 10.1.16.0 dev flannel.1",
            "fdb delete 5e:f8:4f:00:e3:37 dev flannel.1 dst 10.168.0.3",
            "route delete 10.1.16.0/24 via 10.1.16.0 dev flannel.1 onlink");

    private static final ExternalInterface ETH0 =
            new ExternalInterface("eth0", 2, Ip4.parse("10.168.0.2"), Ip4.parse("10.168.0.2"), 1500);
    private static final VxlanConfig PLAIN = new VxlanConfig(1, 0, 0, false, false, false);
    private static final VxlanConfig DIRECT_ROUTING = new VxlanConfig(1, 0, 0, false, false, true);

    private final RecordingKernel kernel = new RecordingKernel();

    private static Lease lease(String subnet, String publicIp, String backendType, JsonNode backendData) {
        return new Lease(
                Ip4Net.parse(subnet),
                null,
                new LeaseAttrs(Ip4.parse(publicIp), null, backendType, backendData, null),
                null);
    }

    private static Lease vxlanLease(String subnet, String publicIp, String mac) {
        return lease(subnet, publicIp, "vxlan", new VxlanLeaseData(1, MacAddress.parse(mac)).toJson());
    }

    private static final Lease OWN = vxlanLease("10.1.15.0/24", "10.168.0.2", "ae:0b:22:33:44:55");
    private static final Lease PEER = vxlanLease("10.1.16.0/24", "10.168.0.3", PEER_MAC);

    private VxlanNetwork network(VxlanConfig config) {
        return new VxlanNetwork(kernel, config, ETH0, OWN, 1450);
    }

    private static Route onLinkRouteTo(String ip) {
        return new Route(Ip4Net.parse(ip + "/32"), Optional.empty(), Optional.of("eth0"), false);
    }

    private static Route gatewayRouteTo(String ip, String gateway) {
        return new Route(Ip4Net.parse(ip + "/32"), Optional.of(Ip4.parse(gateway)), Optional.of("eth0"), false);
    }

    @Test
    void aPeersLeaseProgramsNeighbourThenFdbThenRouteWithTheSeedsValues() {
        network(PLAIN).peerAdded(PEER);

        assertThat(kernel.calls()).containsExactlyElementsOf(PEER_PROGRAMMED);
    }

    @Test
    void theNetworkReportsItsLeaseAndMtu() {
        VxlanNetwork network = network(PLAIN);

        assertThat(network.lease()).isEqualTo(OWN);
        assertThat(network.mtu()).isEqualTo(1450);
    }

    @Test
    void aRenewalOfAnUnchangedLeaseIsReappliedWithoutDeletingAnything() {
        VxlanNetwork network = network(PLAIN);
        network.peerAdded(PEER);
        kernel.clearCalls();

        network.peerAdded(PEER.withExpiration(Instant.now()));

        assertThat(kernel.calls()).containsExactlyElementsOf(PEER_PROGRAMMED);
    }

    @Test
    void aPeersRemovalDeletesNeighbourFdbAndRoute() {
        VxlanNetwork network = network(PLAIN);
        network.peerAdded(PEER);
        kernel.clearCalls();

        network.peerRemoved(PEER.subnet());

        assertThat(kernel.calls()).containsExactlyElementsOf(PEER_UNPROGRAMMED);
    }

    @Test
    void everyDeletionIsAttemptedEvenWhenOneFails() {
        for (String failing : List.of("neigh delete", "fdb delete", "route delete")) {
            RecordingKernel kernel = new RecordingKernel();
            VxlanNetwork network = new VxlanNetwork(kernel, PLAIN, ETH0, OWN, 1450);
            network.peerAdded(PEER);
            kernel.clearCalls();
            kernel.failOn(failing);

            network.peerRemoved(PEER.subnet());

            assertThat(kernel.calls()).as("with %s failing", failing).containsExactlyElementsOf(PEER_UNPROGRAMMED);
        }
    }

    @Test
    void aRemovedLeaseIsForgottenSoASecondRemovalDoesNothing() {
        VxlanNetwork network = network(PLAIN);
        network.peerAdded(PEER);
        network.peerRemoved(PEER.subnet());
        kernel.clearCalls();

        network.peerRemoved(PEER.subnet());

        assertThat(kernel.calls()).isEmpty();
    }

    @Test
    void theRemovalOfALeaseNeverProgrammedChangesNothing() {
        network(PLAIN).peerRemoved(PEER.subnet());

        assertThat(kernel.calls()).isEmpty();
    }

    @Test
    void leasesOfAnotherBackendTypeAreIgnoredWithFlannelsWarning() {
        VxlanNetwork network = network(PLAIN);
        String log;
        try (CapturedStderr stderr = new CapturedStderr()) {
            network.peerAdded(lease("10.1.17.0/24", "10.168.0.4", "host-gw", null));
            log = stderr.text();
        }

        assertThat(kernel.calls()).isEmpty();
        assertThat(log).contains("ignoring non-vxlan v4Subnet(10.1.17.0/24) v6Subnet(<nil>): type=host-gw");
    }

    @Test
    void aHostGwLeaseCarryingVxlanLookingDataIsStillIgnored() {
        network(PLAIN)
                .peerAdded(lease(
                        "10.1.17.0/24",
                        "10.168.0.4",
                        "host-gw",
                        new VxlanLeaseData(1, MacAddress.parse(PEER_MAC)).toJson()));

        assertThat(kernel.calls()).isEmpty();
    }

    @Test
    void aUdpLeaseWithoutBackendTypeIsIgnored() {
        network(PLAIN)
                .peerAdded(new Lease(Ip4Net.parse("10.1.18.0/24"), null, LeaseAttrs.of(Ip4.parse("10.168.0.5")), null));

        assertThat(kernel.calls()).isEmpty();
    }

    @Test
    void aLeaseWhoseTypeIsVxlanInAnotherCaseIsIgnoredAsFlannelComparesExactly() {
        network(PLAIN)
                .peerAdded(lease(
                        "10.1.17.0/24",
                        "10.168.0.4",
                        "VXLAN",
                        new VxlanLeaseData(1, MacAddress.parse(PEER_MAC)).toJson()));

        assertThat(kernel.calls()).isEmpty();
    }

    @Test
    void aVxlanLeaseWithoutAUsableVtepMacIsIgnored() {
        VxlanNetwork network = network(PLAIN);

        network.peerAdded(lease("10.1.17.0/24", "10.168.0.4", "vxlan", null));
        network.peerAdded(lease(
                "10.1.17.0/24",
                "10.168.0.4",
                "vxlan",
                JsonNodeFactory.instance.objectNode().put("VNI", 1).put("VtepMAC", "not-a-mac")));
        network.peerAdded(lease(
                "10.1.17.0/24",
                "10.168.0.4",
                "vxlan",
                JsonNodeFactory.instance.objectNode().put("VNI", 1)));

        assertThat(kernel.calls()).isEmpty();
    }

    @Test
    void aLeaseWhoseVtepMacChangedLosesItsOldFdbEntryAndKeepsItsRouteThroughout() {
        VxlanNetwork network = network(PLAIN);
        network.peerAdded(PEER);
        kernel.clearCalls();

        network.peerAdded(vxlanLease("10.1.16.0/24", "10.168.0.3", NEW_PEER_MAC));

        // The neighbour entry and the route are replaced in place (no moment without a route);
        // only the FDB entry keyed by the old MAC would stay behind, so it goes first.
        assertThat(kernel.calls())
                .containsExactly(
                        "fdb delete 5e:f8:4f:00:e3:37 dev flannel.1 dst 10.168.0.3",
                        "neigh replace 10.1.16.0 7a:10:20:30:40:50 dev flannel.1",
                        "fdb replace 7a:10:20:30:40:50 dev flannel.1 dst 10.168.0.3",
                        "route replace 10.1.16.0/24 via 10.1.16.0 dev flannel.1 onlink");
    }

    @Test
    void afterAVtepMacChangeTheRemovalDeletesTheNewEntries() {
        VxlanNetwork network = network(PLAIN);
        network.peerAdded(PEER);
        network.peerAdded(vxlanLease("10.1.16.0/24", "10.168.0.3", NEW_PEER_MAC));
        kernel.clearCalls();

        network.peerRemoved(PEER.subnet());

        assertThat(kernel.calls())
                .containsExactly(
                        "neigh delete 10.1.16.0 dev flannel.1",
                        "fdb delete 7a:10:20:30:40:50 dev flannel.1 dst 10.168.0.3",
                        "route delete 10.1.16.0/24 via 10.1.16.0 dev flannel.1 onlink");
    }

    @Test
    void aLeaseWhosePublicIpChangedLosesTheFdbEntryToTheOldAddress() {
        VxlanNetwork network = network(PLAIN);
        network.peerAdded(PEER);
        kernel.clearCalls();

        network.peerAdded(vxlanLease("10.1.16.0/24", "10.168.0.30", PEER_MAC));

        List<String> calls = kernel.calls();
        String oldFdb = "fdb delete 5e:f8:4f:00:e3:37 dev flannel.1 dst 10.168.0.3";
        String newFdb = "fdb replace 5e:f8:4f:00:e3:37 dev flannel.1 dst 10.168.0.30";
        assertThat(calls).contains(oldFdb, newFdb);
        assertThat(calls.indexOf(oldFdb)).isLessThan(calls.indexOf(newFdb));
    }

    @Test
    void anFdbFailureRollsTheNeighbourBackAndAddsNoRoute() {
        kernel.failOn("fdb replace");
        VxlanNetwork network = network(PLAIN);

        network.peerAdded(PEER);

        // Each of the three attempts rolls back what it did; no route is ever added.
        assertThat(kernel.calls())
                .containsExactlyElementsOf(threeTimes(
                        "neigh replace 10.1.16.0 5e:f8:4f:00:e3:37 dev flannel.1",
                        "fdb replace 5e:f8:4f:00:e3:37 dev flannel.1 dst 10.168.0.3",
                        "neigh delete 10.1.16.0 dev flannel.1"));
    }

    @Test
    void aRouteFailureRollsBackTheNeighbourAndTheFdbEntry() {
        kernel.failOn("route replace");
        VxlanNetwork network = network(PLAIN);

        network.peerAdded(PEER);

        assertThat(kernel.calls())
                .containsExactlyElementsOf(threeTimes(
                        "neigh replace 10.1.16.0 5e:f8:4f:00:e3:37 dev flannel.1",
                        "fdb replace 5e:f8:4f:00:e3:37 dev flannel.1 dst 10.168.0.3",
                        "route replace 10.1.16.0/24 via 10.1.16.0 dev flannel.1 onlink",
                        "neigh delete 10.1.16.0 dev flannel.1",
                        "fdb delete 5e:f8:4f:00:e3:37 dev flannel.1 dst 10.168.0.3"));
    }

    @Test
    void aNeighbourFailureProgramsNothingElse() {
        kernel.failOn("neigh replace");

        network(PLAIN).peerAdded(PEER);

        assertThat(kernel.calls())
                .containsExactlyElementsOf(threeTimes("neigh replace 10.1.16.0 5e:f8:4f:00:e3:37 dev flannel.1"));
    }

    /** A refused change is tried three times, as Flannel retries each entry, before it is reported. */
    private static List<String> threeTimes(String... attempt) {
        List<String> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.addAll(List.of(attempt));
        }
        return calls;
    }

    @Test
    void aLeaseThatFailedToProgramIsNotUnprogrammedOnRemoval() {
        kernel.failOn("route replace");
        VxlanNetwork network = network(PLAIN);
        network.peerAdded(PEER);
        kernel.clearCalls();

        network.peerRemoved(PEER.subnet());

        assertThat(kernel.calls()).isEmpty();
    }

    @Test
    void aFailureOnOnePeerIsReportedNotThrownSoTheNextPeersAreStillProgrammed() {
        kernel.failOn("fdb replace 5e:f8:4f:00:e3:37");
        Lease other = vxlanLease("10.1.17.0/24", "10.168.0.4", "7a:10:20:30:40:50");
        VxlanNetwork network = network(PLAIN);

        network.peerAdded(PEER);
        network.peerAdded(other);

        assertThat(kernel.calls())
                .endsWith(
                        "neigh replace 10.1.17.0 7a:10:20:30:40:50 dev flannel.1",
                        "fdb replace 7a:10:20:30:40:50 dev flannel.1 dst 10.168.0.4",
                        "route replace 10.1.17.0/24 via 10.1.17.0 dev flannel.1 onlink");
    }

    @Test
    void directRoutingToAnOnLinkPeerProgramsOnlyARouteViaItsPublicIp() {
        kernel.withRouteTo(Ip4.parse("10.168.0.3"), onLinkRouteTo("10.168.0.3"));

        network(DIRECT_ROUTING).peerAdded(PEER);

        assertThat(kernel.calls()).containsExactly("route replace 10.1.16.0/24 via 10.168.0.3");
    }

    @Test
    void directRoutingRemovalDeletesOnlyThatRoute() {
        kernel.withRouteTo(Ip4.parse("10.168.0.3"), onLinkRouteTo("10.168.0.3"));
        VxlanNetwork network = network(DIRECT_ROUTING);
        network.peerAdded(PEER);
        kernel.clearCalls();

        network.peerRemoved(PEER.subnet());

        assertThat(kernel.calls()).containsExactly("route delete 10.1.16.0/24 via 10.168.0.3");
    }

    @Test
    void directRoutingToAnOffLinkPeerUsesTheVxlanEntries() {
        kernel.withRouteTo(Ip4.parse("10.168.0.3"), gatewayRouteTo("10.168.0.3", "10.168.0.1"));

        network(DIRECT_ROUTING).peerAdded(PEER);

        assertThat(kernel.calls()).containsExactlyElementsOf(PEER_PROGRAMMED);
    }

    @Test
    void directRoutingToAPeerWithoutAnyRouteUsesTheVxlanEntries() {
        network(DIRECT_ROUTING).peerAdded(PEER);

        assertThat(kernel.calls()).containsExactlyElementsOf(PEER_PROGRAMMED);
    }

    @Test
    void withoutDirectRoutingAnOnLinkPeerStillGetsTheVxlanEntries() {
        kernel.withRouteTo(Ip4.parse("10.168.0.3"), onLinkRouteTo("10.168.0.3"));

        network(PLAIN).peerAdded(PEER);

        assertThat(kernel.calls()).containsExactlyElementsOf(PEER_PROGRAMMED);
    }

    @Test
    void aPeerThatMovesOffLinkLosesItsDirectRouteForTheVxlanEntries() {
        kernel.withRouteTo(Ip4.parse("10.168.0.3"), onLinkRouteTo("10.168.0.3"));
        VxlanNetwork network = network(DIRECT_ROUTING);
        network.peerAdded(PEER);
        kernel.clearCalls();
        kernel.withRouteTo(Ip4.parse("10.168.0.3"), gatewayRouteTo("10.168.0.3", "10.168.0.1"));

        network.peerAdded(PEER);

        assertThat(kernel.calls())
                .containsExactly(
                        "route delete 10.1.16.0/24 via 10.168.0.3",
                        "neigh replace 10.1.16.0 5e:f8:4f:00:e3:37 dev flannel.1",
                        "fdb replace 5e:f8:4f:00:e3:37 dev flannel.1 dst 10.168.0.3",
                        "route replace 10.1.16.0/24 via 10.1.16.0 dev flannel.1 onlink");
    }

    @Test
    void anotherVniUsesItsOwnDevice() {
        VxlanConfig vni7 = new VxlanConfig(7, 0, 0, false, false, false);

        new VxlanNetwork(kernel, vni7, ETH0, OWN, 1450).peerAdded(PEER);

        assertThat(kernel.calls())
                .containsExactly(
                        "neigh replace 10.1.16.0 5e:f8:4f:00:e3:37 dev flannel.7",
                        "fdb replace 5e:f8:4f:00:e3:37 dev flannel.7 dst 10.168.0.3",
                        "route replace 10.1.16.0/24 via 10.1.16.0 dev flannel.7 onlink");
    }
}
