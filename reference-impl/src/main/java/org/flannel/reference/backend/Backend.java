package org.flannel.reference.backend;

/**
 * A backend ready to run on this node: it sets up its devices, acquires the lease through
 * {@code leases} with its own attributes, and returns the network that follows the peers.
 */
public interface Backend {
    Network register(LeaseSource leases) throws Exception;
}
