package org.flannel.reference.subnet.etcd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.flannel.reference.ip.Ip4Net;
import org.flannel.reference.subnet.Lease;
import org.flannel.reference.subnet.LeaseEvent;

/**
 * What changed between the leases already handed on and a fresh listing, as events: a lease gone from
 * the listing is removed (with the attributes it last had, so that what was programmed for it can be
 * undone), a lease new or changed in place (a new VTEP MAC, a new public IP) is added. A lease the
 * listing shows unchanged gives no event: it is programmed already. This is how the watch recovers when
 * etcd's history was compacted or the connection was lost: nothing missed, nothing re-done.
 */
final class LeaseListingDiff {

    private LeaseListingDiff() {}

    /** Removals first (in subnet order), then additions (in the listing's order). */
    static List<LeaseEvent> between(Map<Ip4Net, Lease> handedOn, List<Lease> listing) {
        List<LeaseEvent> events = new ArrayList<>();
        Set<Ip4Net> listed = new HashSet<>();
        listing.forEach(lease -> listed.add(lease.subnet()));
        handedOn.values().stream()
                .filter(lease -> !listed.contains(lease.subnet()))
                .sorted(Comparator.comparing((Lease lease) -> lease.subnet().ip())
                        .thenComparingInt(lease -> lease.subnet().prefixLen()))
                .forEach(lease -> events.add(LeaseEvent.removed(lease)));
        for (Lease lease : listing) {
            Lease before = handedOn.get(lease.subnet());
            if (before == null || !sameContent(before, lease)) {
                events.add(LeaseEvent.added(lease));
            }
        }
        return events;
    }

    /** The same key and value; when the key expires is not part of what a backend programs. */
    private static boolean sameContent(Lease a, Lease b) {
        return Objects.equals(a.ipv6Subnet(), b.ipv6Subnet()) && a.attrs().equals(b.attrs());
    }
}
