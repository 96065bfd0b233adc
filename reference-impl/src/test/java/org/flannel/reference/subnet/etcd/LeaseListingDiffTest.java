package org.flannel.reference.subnet.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseAttrs;
import org.flannel.reference.subnet.LeaseEvent;
import org.junit.jupiter.api.Test;

/** Recovering a watch that lost etcd's history: what was handed on (programmed) against a fresh listing. */
class LeaseListingDiffTest {

    private static Lease vxlan(String subnet, String publicIp, String mac) {
        LeaseAttrs attrs = new LeaseAttrs(
                Ip4.parse(publicIp),
                null,
                "vxlan",
                JsonNodeFactory.instance.objectNode().put("VNI", 1).put("VtepMAC", mac),
                null);
        return new Lease(Ip4Net.parse(subnet), null, attrs, null);
    }

    private static Map<Ip4Net, Lease> handedOn(Lease... leases) {
        Map<Ip4Net, Lease> map = new LinkedHashMap<>();
        for (Lease lease : leases) {
            map.put(lease.subnet(), lease);
        }
        return map;
    }

    private static final Lease NODE2 = vxlan("10.1.16.0/24", "10.168.0.3", "5e:f8:4f:00:e3:37");
    private static final Lease NODE3 = vxlan("10.1.17.0/24", "10.168.0.4", "5e:f8:4f:00:e3:38");
    private static final Lease NODE4 = vxlan("10.1.18.0/24", "10.168.0.5", "5e:f8:4f:00:e3:39");

    @Test
    void theFirstListingAddsEveryLease() {
        assertThat(LeaseListingDiff.between(Map.of(), List.of(NODE2, NODE3)))
                .containsExactly(LeaseEvent.added(NODE2), LeaseEvent.added(NODE3));
    }

    @Test
    void aLeaseGoneMeanwhileIsRemovedWithTheAttributesItWasProgrammedWith() {
        assertThat(LeaseListingDiff.between(handedOn(NODE2, NODE3), List.of(NODE3)))
                .containsExactly(LeaseEvent.removed(NODE2));
    }

    @Test
    void aLeaseThatJoinedMeanwhileIsAdded() {
        assertThat(LeaseListingDiff.between(handedOn(NODE2), List.of(NODE2, NODE4)))
                .containsExactly(LeaseEvent.added(NODE4));
    }

    @Test
    void aLeaseChangedInPlaceMeanwhileIsAddedAgainWithItsNewValue() {
        Lease rebooted = vxlan("10.1.16.0/24", "10.168.0.3", "7a:10:20:30:40:50");
        Lease moved = vxlan("10.1.17.0/24", "10.168.0.44", "5e:f8:4f:00:e3:38");

        assertThat(LeaseListingDiff.between(handedOn(NODE2, NODE3), List.of(rebooted, moved)))
                .containsExactly(LeaseEvent.added(rebooted), LeaseEvent.added(moved));
    }

    @Test
    void anUnchangedLeaseGivesNoEventEvenWithItsExpirationNowKnown() {
        Lease listed = NODE2.withExpiration(Instant.parse("2026-12-06T18:30:17Z"));

        assertThat(LeaseListingDiff.between(handedOn(NODE2), List.of(listed))).isEmpty();
    }

    @Test
    void removalsComeFirstInSubnetOrderThenAdditionsInTheListingsOrder() {
        Lease node5 = vxlan("10.1.100.0/24", "10.168.0.6", "5e:f8:4f:00:e3:40");
        Lease node6 = vxlan("10.1.9.0/24", "10.168.0.7", "5e:f8:4f:00:e3:41");

        assertThat(LeaseListingDiff.between(handedOn(NODE4, NODE2, NODE3), List.of(node5, node6)))
                .containsExactly(
                        LeaseEvent.removed(NODE2),
                        LeaseEvent.removed(NODE3),
                        LeaseEvent.removed(NODE4),
                        LeaseEvent.added(node5),
                        LeaseEvent.added(node6));
    }

    @Test
    void anEmptyListingRemovesEverything() {
        assertThat(LeaseListingDiff.between(handedOn(NODE2, NODE3), List.of()))
                .containsExactly(LeaseEvent.removed(NODE2), LeaseEvent.removed(NODE3));
    }
}
