package org.flannel.harness.topology.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flannel.harness.topology.CleanupContract;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologyDriver;
import org.flannel.harness.topology.support.ProcessIdentity;

/** Namespaces, every process in them, and the ledger go too. */
class CleanupIT extends CleanupContract {
    private final NetnsSettings settings = NetnsSettings.fromSystemProperties();
    private final Netns netns = new Netns(new ProcessRunner());

    @Override
    protected TopologyDriver driver() {
        return new NetnsDriver(settings);
    }

    @Override
    protected Trace trace(Topology topo) throws Exception {
        String prefix = topo.runId();
        Path ledger = Ledger.fileFor(settings.ledgerDir(), prefix);
        List<String> namespaces = OsProcesses.namespacesStartingWith(prefix + "-");
        List<Long> pids = new ArrayList<>();
        namespaces.forEach(ns -> pids.addAll(netns.pids(ns)));
        assertThat(namespaces)
                .hasSize(5)
                .contains(prefix + "-node1", prefix + "-pod", prefix + "-etcd", prefix + "-seg-underlay");
        assertThat(pids).as("etcd, tcpdump, three sleeps").hasSize(5);
        assertThat(ledger).exists();
        return () -> {
            assertThat(OsProcesses.namespacesStartingWith(prefix + "-")).isEmpty();
            assertThat(pids).noneMatch(ProcessIdentity::isRunning);
            assertThat(OsProcesses.withArgument("987663")).isEmpty();
            assertThat(ledger).doesNotExist();
        };
    }
}
