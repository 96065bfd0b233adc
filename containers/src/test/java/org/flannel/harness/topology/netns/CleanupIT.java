package org.flannel.harness.topology.netns;

import org.flannel.harness.topology.support.ProcessIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flannel.harness.topology.Node;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologySpec;
import org.junit.jupiter.api.Test;

class CleanupIT {
    @Test
    void closeLeavesNoNamespaceProcessDirectoryOrLedger() throws Exception {
        NetnsSettings settings = NetnsSettings.fromSystemProperties();
        ProcessRunner runner = new ProcessRunner();
        Netns netns = new Netns(runner);
        Topology topo = new NetnsDriver(settings).create(TopologySpec.builder()
                .segment("underlay", "10.168.0.0/24")
                .node("node1", "underlay", "10.168.0.2")
                .node("node2", "underlay", "10.168.0.3")
                .etcd("underlay", "10.168.0.10")
                .build());
        String prefix = topo.runId();
        Path workDir = topo.workDir();
        Node node1 = topo.node("node1");
        Path env = workDir.resolve("node1").resolve("subnet.env");
        Files.writeString(env, "FLANNEL_SUBNET=10.1.15.1/24\nFLANNEL_MTU=1450\n");
        topo.addContainer("pod", "node1", env).start("pod-sleeper", List.of("sleep", "987661"));
        node1.start("sleeper", List.of("sleep", "987662"));
        // Started behind the topology's back: only the namespace sweep at close can find it.
        node1.exec("sh", "-c", "setsid sleep 987663 >/dev/null 2>&1 < /dev/null &").orThrow();
        topo.capture("node2:eth0", "icmp");

        List<String> namespaces = OsProcesses.namespacesStartingWith(prefix + "-");
        List<Long> pids = new ArrayList<>();
        namespaces.forEach(ns -> pids.addAll(netns.pids(ns)));
        assertThat(namespaces).hasSize(5).contains(prefix + "-node1", prefix + "-pod", prefix + "-etcd", prefix + "-seg-underlay");
        assertThat(pids).as("etcd, tcpdump, three sleeps").hasSize(5);
        assertThat(Ledger.fileFor(settings.ledgerDir(), prefix)).exists();

        topo.close();

        assertThat(OsProcesses.namespacesStartingWith(prefix + "-")).isEmpty();
        assertThat(pids).noneMatch(ProcessIdentity::isRunning);
        assertThat(OsProcesses.withArgument("987663")).isEmpty();
        assertThat(workDir).doesNotExist();
        assertThat(Ledger.fileFor(settings.ledgerDir(), prefix)).doesNotExist();
        assertThatThrownBy(() -> node1.exec("true")).hasMessageContaining("is closed");
        topo.close(); // idempotent
    }
}
