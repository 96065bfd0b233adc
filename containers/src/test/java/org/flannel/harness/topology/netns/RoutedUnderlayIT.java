package org.flannel.harness.topology.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flannel.harness.topology.RoutedUnderlayContract;
import org.flannel.harness.topology.Specs;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologyDriver;
import org.flannel.harness.topology.support.ProcessIdentity;
import org.junit.jupiter.api.Test;

class RoutedUnderlayIT extends RoutedUnderlayContract {
    @Override
    protected TopologyDriver driver() {
        return new NetnsDriver();
    }

    /** A separate run: the router's namespace and all the rest go away with close(). */
    @Test
    void closeLeavesNothingOfARoutedTopology() throws Exception {
        NetnsSettings settings = NetnsSettings.fromSystemProperties();
        Netns netns = new Netns(new ProcessRunner());
        Topology other = new NetnsDriver(settings).create(Specs.routed());
        String prefix = other.runId();
        Path workDir = other.workDir();
        other.router("router").start("sleeper", List.of("sleep", "987671"));
        other.capture("router:eth0", "icmp");

        List<String> namespaces = OsProcesses.namespacesStartingWith(prefix + "-");
        List<Long> pids = new ArrayList<>();
        namespaces.forEach(ns -> pids.addAll(netns.pids(ns)));
        assertThat(namespaces)
                .containsExactlyInAnyOrder(
                        prefix + "-node1",
                        prefix + "-node2",
                        prefix + "-node3",
                        prefix + "-router",
                        prefix + "-etcd",
                        prefix + "-seg-underlay",
                        prefix + "-seg-underlay2");
        assertThat(pids).as("etcd, tcpdump, sleep").hasSize(3);
        assertThat(Ledger.fileFor(settings.ledgerDir(), prefix)).content().contains("netns " + prefix + "-router");

        other.close();

        assertThat(OsProcesses.namespacesStartingWith(prefix + "-")).isEmpty();
        assertThat(pids).noneMatch(ProcessIdentity::isRunning);
        assertThat(OsProcesses.withArgument("987671")).isEmpty();
        assertThat(workDir).doesNotExist();
        assertThat(Ledger.fileFor(settings.ledgerDir(), prefix)).doesNotExist();
    }
}
