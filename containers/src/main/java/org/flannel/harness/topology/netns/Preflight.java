package org.flannel.harness.topology.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flannel.harness.topology.TopologyException;
import org.flannel.harness.topology.TopologySpec;

/** Checks, before touching anything, that this machine can build the topology. */
final class Preflight {
    private Preflight() {}

    static void check(TopologySpec spec) {
        requireRoot();
        Executables.require("ip", "iproute2");
        Executables.require("ethtool", "ethtool");
        Executables.require("sysctl", "procps");
        if (spec.etcd().isPresent()) {
            if (Executables.find("etcd").isEmpty()
                    || Executables.find("etcdctl").isEmpty()) {
                throw new TopologyException("etcd not found: apt-get install -y etcd-server etcd-client");
            }
        }
    }

    static void requireTcpdump() {
        Executables.require("tcpdump", "tcpdump");
    }

    static void requireRoot() {
        if (effectiveUid() != 0) {
            throw new TopologyException("not root: network namespaces need CAP_NET_ADMIN; run as root");
        }
    }

    private static long effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new TopologyException("cannot read /proc/self/status to check for root: " + e, e);
        }
        throw new TopologyException("no Uid line in /proc/self/status; is /proc mounted?");
    }
}
