package org.flannel.harness.topology.support;

import org.flannel.harness.topology.Container;

/** A container behind its node's docker0: everything about its address follows from its {@link Placement}. */
public interface BridgedContainer extends Container {
    /** Where a pod sits: on which node, at which address, behind which docker0. */
    record Placement(String node, String address, PodBridge bridge) {}

    Placement placement();

    @Override
    default String node() {
        return placement().node();
    }

    @Override
    default String address() {
        return placement().address();
    }

    @Override
    default int prefixLength() {
        return placement().bridge().subnet().prefixLength();
    }

    @Override
    default String gateway() {
        return placement().bridge().subnet().addressText();
    }

    @Override
    default int mtu() {
        return placement().bridge().mtu();
    }
}
