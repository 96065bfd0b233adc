package org.flannel.harness.topology.docker;

/**
 * Every container, network and bridge of a run is named from its prefix. Networks carry their
 * segment's index so that Docker's name order is the spec's order; bridges stay within the kernel's
 * 15 characters.
 */
record DockerNames(String prefix) {
    String container(String host) {
        return prefix + "-" + host;
    }

    /** The helper in the daemon host's network namespace ("seg-" is a reserved host name: no clash). */
    String segmentHelper() {
        return prefix + "-seg-host";
    }

    String network(int index, String segment) {
        return String.format("%s-%02d-%s", prefix, index, segment);
    }

    String bridge(int index) {
        return prefix + "-s" + index;
    }

    /** Pods' veths on their node (inside the node's container, so no clash with other runs). */
    String podVeth(int index) {
        return "veth" + index;
    }
}
