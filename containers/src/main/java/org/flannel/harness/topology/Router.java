package org.flannel.harness.topology;

/** A host that forwards IPv4 between the segments it is attached to (see {@link TopologySpec.RouterSpec}). */
public interface Router extends Host {
    TopologySpec.RouterSpec spec();

    /** Its address on {@code segment}; throws if it is not attached there. */
    default String addressOn(String segment) {
        return spec().addressOn(segment)
                .orElseThrow(() -> new TopologyException("router " + name() + " is not attached to segment '" + segment
                        + "'; its interfaces are " + spec().interfaces()));
    }
}
