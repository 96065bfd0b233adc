package org.flannel.harness.topology.support;

import org.flannel.harness.topology.Container;

/** A container behind its node's docker0: its prefix length, gateway and MTU are docker0's. */
public interface BridgedContainer extends Container {
    PodBridge bridge();

    @Override
    default int prefixLength() {
        return bridge().subnet().prefixLength();
    }

    @Override
    default String gateway() {
        return bridge().subnet().addressText();
    }

    @Override
    default int mtu() {
        return bridge().mtu();
    }
}
