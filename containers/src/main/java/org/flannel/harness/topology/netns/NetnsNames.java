package org.flannel.harness.topology.netns;

/**
 * Every namespace and link this run creates is named from the run prefix, so that nothing can
 * collide with another run or with the machine's own. Link names stay within IFNAMSIZ (15).
 */
record NetnsNames(String prefix) {
    String hostNamespace(String host) {
        return prefix + "-" + host;
    }

    String segmentNamespace(String segment) {
        return prefix + "-seg-" + segment;
    }

    String etcdNamespace() {
        return prefix + "-etcd";
    }

    String segmentBridge() {
        return prefix + "-br";
    }

    String segmentPort(int index) {
        return prefix + "-p" + index;
    }

    String containerVeth(int index) {
        return prefix + "-c" + index;
    }

    boolean owns(String namespace) {
        return namespace.startsWith(prefix + "-");
    }
}
