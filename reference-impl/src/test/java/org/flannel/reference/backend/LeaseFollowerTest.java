package org.flannel.reference.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.flannel.reference.ip.Ip4;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseAttrs;
import org.flannel.reference.subnet.LeaseEvent;
import org.junit.jupiter.api.Test;

/** node1 (10.1.15.0/24) follows its peers; one log records what the network and the keeper were handed, in order. */
class LeaseFollowerTest {

    private static Lease lease(String subnet, String publicIp) {
        return new Lease(Ip4Net.parse(subnet), null, LeaseAttrs.of(Ip4.parse(publicIp)), null);
    }

    private static final Lease OWN = lease("10.1.15.0/24", "10.168.0.2");
    private static final Lease A = lease("10.1.16.0/24", "10.168.0.3");
    private static final Lease A_MOVED = lease("10.1.16.0/24", "10.168.0.33");
    private static final Lease B = lease("10.1.17.0/24", "10.168.0.4");

    private final List<String> log = new ArrayList<>();

    /** A network that only writes down the peers it is handed. */
    private final Network network = new Network() {
        @Override
        public Lease lease() {
            return OWN;
        }

        @Override
        public int mtu() {
            return 1500;
        }

        @Override
        public void peerAdded(Lease peer) {
            log.add("added " + peer.subnet() + " via " + peer.attrs().publicIp());
        }

        @Override
        public void peerRemoved(Ip4Net subnet) {
            log.add("removed " + subnet);
        }
    };

    /** The keeper's part: one line per hand-over, so that an empty one would show. */
    private final LeaseFollower follower = new LeaseFollower(
            network,
            own -> log.add("own "
                    + own.stream()
                            .map(event ->
                                    event.type() + " " + event.lease().attrs().publicIp())
                            .toList()));

    @Test
    void anAddedLeaseIsAnAddedPeer() {
        follower.accept(List.of(LeaseEvent.added(A)));

        assertThat(log).containsExactly("added 10.1.16.0/24 via 10.168.0.3");
    }

    @Test
    void aRemovedLeaseIsARemovedPeerNamedByItsSubnetEvenWhenItsAttributesAreUnknown() {
        follower.accept(List.of(LeaseEvent.removed(A), LeaseEvent.removed(B.subnet())));

        assertThat(log).containsExactly("removed 10.1.16.0/24", "removed 10.1.17.0/24");
    }

    @Test
    void aLeaseChangedInPlaceIsAddedAgainWithItsNewAttributesAndNeverRemoved() {
        follower.accept(List.of(LeaseEvent.added(A)));
        follower.accept(List.of(LeaseEvent.added(A_MOVED)));

        assertThat(log).containsExactly("added 10.1.16.0/24 via 10.168.0.3", "added 10.1.16.0/24 via 10.168.0.33");
    }

    @Test
    void theNodesOwnLeaseIsNeverAPeerItsEventsGoToTheKeeperWhateverTheyCarry() {
        Lease ownRewritten = lease("10.1.15.0/24", "10.168.0.99");

        follower.accept(List.of(LeaseEvent.added(OWN), LeaseEvent.added(ownRewritten), LeaseEvent.removed(OWN)));

        assertThat(log).containsExactly("own [ADDED 10.168.0.2, ADDED 10.168.0.99, REMOVED 10.168.0.2]");
    }

    @Test
    void theKeeperGetsTheOwnLeasesEventsAfterTheBatchsPeersAndNothingWhenThereAreNone() {
        follower.accept(List.of(LeaseEvent.added(OWN), LeaseEvent.added(A)));
        follower.accept(List.of(LeaseEvent.added(B)));

        assertThat(log)
                .containsExactly(
                        "added 10.1.16.0/24 via 10.168.0.3",
                        "own [ADDED 10.168.0.2]",
                        "added 10.1.17.0/24 via 10.168.0.4");
    }

    @Test
    void theEventsOfABatchReachTheNetworkInOrder() {
        follower.accept(
                List.of(LeaseEvent.added(A), LeaseEvent.added(B), LeaseEvent.removed(A), LeaseEvent.added(A_MOVED)));

        assertThat(log)
                .containsExactly(
                        "added 10.1.16.0/24 via 10.168.0.3",
                        "added 10.1.17.0/24 via 10.168.0.4",
                        "removed 10.1.16.0/24",
                        "added 10.1.16.0/24 via 10.168.0.33");
    }
}
