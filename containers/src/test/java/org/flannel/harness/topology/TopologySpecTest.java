package org.flannel.harness.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flannel.harness.topology.TopologySpec.InterfaceSpec;
import org.junit.jupiter.api.Test;

class TopologySpecTest {
    private static TopologySpec.Builder twoNodes() {
        return TopologySpec.builder()
                .segment("underlay", "10.168.0.0/24")
                .node("node1", "underlay", "10.168.0.2")
                .node("node2", "underlay", "10.168.0.3");
    }

    @Test
    void buildsAValidSpec() {
        TopologySpec spec = twoNodes().etcd("underlay", "10.168.0.10").build();

        assertThat(spec.nodes()).extracting(TopologySpec.NodeSpec::name).containsExactly("node1", "node2");
        assertThat(spec.node("node2").orElseThrow().address()).isEqualTo("10.168.0.3");
        assertThat(spec.node("node2").orElseThrow().interfaces().get(0).name()).isEqualTo("eth0");
        assertThat(spec.segment("underlay").orElseThrow().subnet().prefixLength())
                .isEqualTo(24);
        assertThat(spec.etcd()).contains(new TopologySpec.EtcdSpec("underlay", "10.168.0.10"));
    }

    @Test
    void attachGivesANodeItsNextInterface() {
        TopologySpec spec = twoNodes()
                .segment("second", "10.169.0.0/24")
                .attach("node1", "second", "10.169.0.2")
                .build();

        assertThat(spec.node("node1").orElseThrow().interfaces())
                .containsExactly(
                        new TopologySpec.InterfaceSpec("eth0", "underlay", "10.168.0.2"),
                        new TopologySpec.InterfaceSpec("eth1", "second", "10.169.0.2"));
    }

    @Test
    void unknownSegmentIsNamed() {
        assertThatThrownBy(
                        () -> twoNodes().node("node3", "overlay", "10.168.0.4").build())
                .isInstanceOf(TopologySpecException.class)
                .hasMessageContaining("node 'node3': unknown segment 'overlay' (declared: underlay)");
    }

    @Test
    void duplicateNodeIsRejected() {
        assertThatThrownBy(
                        () -> twoNodes().node("node1", "underlay", "10.168.0.9").build())
                .isInstanceOf(TopologySpecException.class)
                .hasMessageContaining("node 'node1' is declared twice");
    }

    @Test
    void addressOutsideSegmentIsRejected() {
        assertThatThrownBy(
                        () -> twoNodes().node("node3", "underlay", "10.169.0.4").build())
                .hasMessageContaining("node 'node3': address 10.169.0.4 is outside segment 'underlay' (10.168.0.0/24)");
    }

    @Test
    void networkAndBroadcastAddressesAreRejected() {
        assertThatThrownBy(() ->
                        twoNodes().node("node3", "underlay", "10.168.0.255").build())
                .hasMessageContaining("10.168.0.255 is the network or broadcast address");
        assertThatThrownBy(() -> twoNodes().etcd("underlay", "10.168.0.0").build())
                .hasMessageContaining("etcd: address 10.168.0.0 is the network or broadcast address");
    }

    @Test
    void sharedAddressIsRejected() {
        assertThatThrownBy(() -> twoNodes().etcd("underlay", "10.168.0.3").build())
                .hasMessageContaining("etcd: address 10.168.0.3 is already used by node 'node2'");
    }

    @Test
    void badCidrsAreExplained() {
        assertThatThrownBy(
                        () -> TopologySpec.builder().segment("a", "10.168.0.0").build())
                .hasMessageContaining("segment 'a': not a CIDR");
        assertThatThrownBy(() ->
                        TopologySpec.builder().segment("a", "10.168.0.1/24").build())
                .hasMessageContaining("has host bits set; write 10.168.0.0/24");
        assertThatThrownBy(() ->
                        TopologySpec.builder().segment("a", "10.168.0.300/24").build())
                .hasMessageContaining("not an IPv4 address");
    }

    @Test
    void badAndReservedNamesAreRejected() {
        assertThatThrownBy(() ->
                        twoNodes().node("node 3", "underlay", "10.168.0.4").build())
                .hasMessageContaining("node 'node 3': name must match");
        assertThatThrownBy(
                        () -> twoNodes().node("etcd", "underlay", "10.168.0.4").build())
                .hasMessageContaining("name is reserved");
        assertThatThrownBy(() ->
                        twoNodes().node("underlay", "underlay", "10.168.0.4").build())
                .hasMessageContaining("has the name of a segment");
    }

    @Test
    void secondEtcdAndAttachToUnknownNodeAreRejected() {
        assertThatThrownBy(() -> twoNodes()
                        .etcd("underlay", "10.168.0.10")
                        .etcd("underlay", "10.168.0.11")
                        .build())
                .hasMessageContaining("etcd is declared 2 times");
        assertThatThrownBy(() ->
                        twoNodes().attach("node9", "underlay", "10.168.0.9").build())
                .hasMessageContaining("attach: unknown node 'node9'");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        TopologySpecException e =
                org.junit.jupiter.api.Assertions.assertThrows(TopologySpecException.class, () -> twoNodes()
                        .node("node1", "underlay", "10.168.0.9")
                        .node("node4", "nowhere", "1.2.3.4")
                        .build());
        assertThat(e.problems()).hasSize(2);
    }

    // ---- routed underlays ----

    /** node1, node2 and etcd on underlay; node3 on underlay2; a router between them. */
    private static TopologySpec.Builder routed() {
        return twoNodes()
                .segment("underlay2", "10.168.1.0/24")
                .node("node3", "underlay2", "10.168.1.2")
                .router("router", Map.of("underlay2", "10.168.1.1", "underlay", "10.168.0.1"))
                .etcd("underlay", "10.168.0.10");
    }

    @Test
    void routerInterfacesFollowSegmentDeclarationOrder() {
        TopologySpec spec = routed().build();

        assertThat(spec.routers()).singleElement().satisfies(router -> {
            assertThat(router.name()).isEqualTo("router");
            assertThat(router.interfaces())
                    .containsExactly(
                            new InterfaceSpec("eth0", "underlay", "10.168.0.1"),
                            new InterfaceSpec("eth1", "underlay2", "10.168.1.1"));
            assertThat(router.addressOn("underlay2")).contains("10.168.1.1");
            assertThat(router.addressOn("elsewhere")).isEmpty();
        });
        assertThat(spec.router("router")).isPresent();
        assertThat(spec.nodes()).extracting(TopologySpec.NodeSpec::name).containsExactly("node1", "node2", "node3");
    }

    @Test
    void nodesAndEtcdGetTheRouterOnTheirSegmentAsGateway() {
        TopologySpec spec = routed().build();

        assertThat(spec.gateway("node1")).contains("10.168.0.1");
        assertThat(spec.gateway("node2")).contains("10.168.0.1");
        assertThat(spec.gateway("node3")).contains("10.168.1.1");
        assertThat(spec.gateway(TopologySpec.ETCD)).contains("10.168.0.1");
        assertThat(spec.gateway("router"))
                .as("a router is on its segments already")
                .isEmpty();
        assertThat(spec.gateway("nobody")).isEmpty();
    }

    @Test
    void withoutARouterNobodyHasAGateway() {
        TopologySpec spec = twoNodes()
                .segment("second", "10.169.0.0/24")
                .node("node3", "second", "10.169.0.2")
                .etcd("underlay", "10.168.0.10")
                .build();

        assertThat(spec.gateway("node1")).isEmpty();
        assertThat(spec.gateway("node3")).isEmpty();
        assertThat(spec.gateway("etcd")).isEmpty();
        assertThat(spec.routers()).isEmpty();
    }

    @Test
    void aNodeWhoseFirstSegmentHasNoRouterKeepsItsOnLinkDefault() {
        TopologySpec spec = routed().segment("isolated", "10.170.0.0/24")
                .node("node4", "isolated", "10.170.0.2")
                .attach("node4", "underlay2", "10.168.1.4")
                .build();

        assertThat(spec.gateway("node4"))
                .as("derived from eth0's segment only, so flanneld keeps eth0")
                .isEmpty();
    }

    @Test
    void anExplicitGatewayOverridesTheDerivedOne() {
        TopologySpec spec = routed().gateway("node2", "10.168.0.2")
                .gateway("router", "10.168.1.2")
                .build();

        assertThat(spec.gateway("node2")).contains("10.168.0.2");
        assertThat(spec.gateway("node1")).contains("10.168.0.1");
        assertThat(spec.gateway("router")).contains("10.168.1.2");
    }

    @Test
    void aGatewayMayBeOnAnyOfTheNodesSegments() {
        TopologySpec spec = routed().segment("isolated", "10.170.0.0/24")
                .node("node4", "isolated", "10.170.0.2")
                .attach("node4", "underlay2", "10.168.1.4")
                .gateway("node4", "10.168.1.1")
                .build();

        assertThat(spec.gateway("node4")).contains("10.168.1.1");
    }

    @Test
    void gatewaysOffTheHostsSegmentsAreRejected() {
        assertThatThrownBy(() -> routed().gateway("node3", "10.168.0.1").build())
                .isInstanceOf(TopologySpecException.class)
                .hasMessageContaining("gateway of node 'node3': 10.168.0.1 is on none of its segments "
                        + "(underlay2 10.168.1.0/24); a gateway must be reachable on-link");
        assertThatThrownBy(() -> routed().gateway("etcd", "10.168.1.1").build())
                .hasMessageContaining(
                        "gateway of etcd: 10.168.1.1 is on none of its segments (underlay 10.168.0.0/24)");
    }

    @Test
    void badGatewaysAreExplained() {
        TopologySpecException e = org.junit.jupiter.api.Assertions.assertThrows(
                TopologySpecException.class, () -> routed().gateway("node1", "10.168.0.2")
                        .gateway("node2", "10.168.0.255")
                        .gateway("node3", "10.168.1")
                        .gateway("node9", "10.168.0.1")
                        .gateway("router", "10.168.0.1")
                        .gateway("router", "10.168.1.3")
                        .build());

        assertThat(e.problems())
                .containsExactly(
                        "gateway of node 'node1': 10.168.0.2 is its own address",
                        "gateway of node 'node2': 10.168.0.255 is the network or broadcast address of 10.168.0.0/24",
                        "gateway of node 'node3': not an IPv4 address: '10.168.1'",
                        "gateway: unknown host 'node9' (declared: node1, node2, node3, router, etcd); gateways are for nodes, "
                                + "routers and etcd",
                        "gateway of router 'router': 10.168.0.1 is its own address",
                        "gateway of router 'router' is declared twice");
    }

    @Test
    void gatewayOfEtcdNeedsAnEtcd() {
        assertThatThrownBy(() -> twoNodes().gateway("etcd", "10.168.0.1").build())
                .hasMessageContaining("gateway: unknown host 'etcd' (declared: node1, node2)");
    }

    @Test
    void twoRoutersOnASegmentNeedAnExplicitGateway() {
        TopologySpec.Builder twoRouters = routed().segment("underlay3", "10.168.2.0/24")
                .router("router2", Map.of("underlay", "10.168.0.254", "underlay3", "10.168.2.1"));

        TopologySpecException e =
                org.junit.jupiter.api.Assertions.assertThrows(TopologySpecException.class, twoRouters::build);
        assertThat(e.problems())
                .containsExactly(
                        "node 'node1': segment 'underlay' has routers router (10.168.0.1), router2 (10.168.0.254); "
                                + "say which with gateway(\"node1\", address)",
                        "node 'node2': segment 'underlay' has routers router (10.168.0.1), router2 (10.168.0.254); "
                                + "say which with gateway(\"node2\", address)",
                        "etcd: segment 'underlay' has routers router (10.168.0.1), router2 (10.168.0.254); "
                                + "say which with gateway(\"etcd\", address)");

        TopologySpec spec = twoRouters
                .gateway("node1", "10.168.0.1")
                .gateway("node2", "10.168.0.254")
                .gateway("etcd", "10.168.0.1")
                .build();
        assertThat(spec.gateway("node2")).contains("10.168.0.254");
        assertThat(spec.gateway("node3")).contains("10.168.1.1");
    }

    @Test
    void badRoutersAreExplained() {
        Map<String, String> oneSegment = Map.of("underlay", "10.168.0.1");
        Map<String, String> outside = new LinkedHashMap<>();
        outside.put("underlay", "10.168.0.1");
        outside.put("underlay2", "10.168.0.254");
        outside.put("nowhere", "10.9.9.9");

        TopologySpecException e =
                org.junit.jupiter.api.Assertions.assertThrows(TopologySpecException.class, () -> twoNodes()
                        .segment("underlay2", "10.168.1.0/24")
                        .router("r1", oneSegment)
                        .router("node1", Map.of("underlay", "10.168.0.1", "underlay2", "10.168.1.1"))
                        .router("etcd", Map.of("underlay", "10.168.0.1", "underlay2", "10.168.1.1"))
                        .router("underlay2", Map.of("underlay", "10.168.0.1", "underlay2", "10.168.1.1"))
                        .router("r 2", Map.of("underlay", "10.168.0.1", "underlay2", "10.168.1.1"))
                        .router("r3", outside)
                        .router("r4", Map.of("underlay", "10.168.0.3", "underlay2", "10.168.1.1"))
                        .router("r4", Map.of("underlay", "10.168.0.4", "underlay2", "10.168.1.4"))
                        .build());

        assertThat(e.problems())
                .containsExactly(
                        "router 'r1' is attached to 1 segment(s) [underlay]; a router needs at least two to route between",
                        "router 'node1' has the name of a node; hosts need distinct names",
                        "router 'etcd': name is reserved (etcd, seg-*); pick another",
                        "router 'underlay2' has the name of a segment; capture points would be ambiguous",
                        "router 'r 2': name must match " + TopologySpec.NAME.pattern(),
                        "router 'r3': unknown segment 'nowhere' (declared: underlay, underlay2); declare it with segment(name, cidr) first",
                        "router 'r3': address 10.168.0.254 is outside segment 'underlay2' (10.168.1.0/24)",
                        "router 'r4' is declared twice; give all its segments in one router(name, addresses)",
                        "router 'r4': address 10.168.0.3 is already used by node 'node2'");
    }

    @Test
    void routerAddressesMustBeUniqueAcrossHosts() {
        assertThatThrownBy(
                        () -> routed().router("router2", Map.of("underlay", "10.168.0.10", "underlay2", "10.168.1.1"))
                                .build())
                .hasMessageContaining("router 'router2': address 10.168.1.1 is already used by router 'router'")
                .hasMessageContaining("etcd: address 10.168.0.10 is already used by router 'router2'");
    }

    @Test
    void aNodeCannotReuseARoutersNameEvenWhenDeclaredLater() {
        assertThatThrownBy(() -> TopologySpec.builder()
                        .segment("a", "10.0.0.0/24")
                        .segment("b", "10.0.1.0/24")
                        .router("r", Map.of("a", "10.0.0.1", "b", "10.0.1.1"))
                        .node("r", "a", "10.0.0.2")
                        .build())
                .hasMessageContaining("router 'r' has the name of a node");
    }

    @Test
    void toStringShowsRoutersAndGateways() {
        assertThat(routed().build().toString())
                .contains("routers=[RouterSpec[name=router", "gateways={node1=10.168.0.1");
        assertThat(List.of(twoNodes().build().toString()))
                .noneMatch(text -> text.contains("routers") || text.contains("gateways"));
    }

    @Test
    void attachToARouterPointsAtRouter() {
        assertThatThrownBy(() -> routed().segment("underlay3", "10.168.2.0/24")
                        .attach("router", "underlay3", "10.168.2.1")
                        .build())
                .hasMessageContaining("attach: 'router' is a router; give all its segments in router(name, addresses)")
                .satisfies(
                        e -> assertThat(((TopologySpecException) e).problems()).hasSize(1));
    }
}
