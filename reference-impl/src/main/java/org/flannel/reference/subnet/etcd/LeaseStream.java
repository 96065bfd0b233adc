package org.flannel.reference.subnet.etcd;

import java.util.List;
import java.util.function.Consumer;
import org.flannel.reference.subnet.LeaseEvent;

/** Where a {@link LeaseWatcher} gets leases from: a listing at a revision, and a watch from a revision. */
public interface LeaseStream {

    LeaseSnapshot leases() throws RegistryException;

    /** Starts a watch; events in order, {@code onError} once when the watch ends for good. */
    AutoCloseable watchLeases(long fromRevision, Consumer<List<LeaseEvent>> onEvents, Consumer<Throwable> onError);

    /** Drops the connection for a new one, made at once: after a failure, the next listing should not wait. */
    void reconnect();
}
