package org.flannel.harness.topology.docker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flannel.harness.topology.ExecResult;
import org.flannel.harness.topology.support.TcpdumpCapture;

/**
 * tcpdump inside a container (a node's, a pod's namespace in its node's, or the segment helper's for
 * a bridge), its pcap copied out through the API when stopped.
 */
final class DockerCapture extends TcpdumpCapture {
    private final DockerHost host;
    private final String pcapInContainer;

    private DockerCapture(
            String point, String filter, DockerHost host, String pcapInContainer, Path pcap, DockerProcess process) {
        super(point, filter, pcap, process);
        this.host = host;
        this.pcapInContainer = pcapInContainer;
    }

    static DockerCapture start(
            DockerExec exec, DockerHost host, String point, String iface, String filter, Path pcap, Path log) {
        String inContainer = "/run/flannel-conformance/" + UUID.randomUUID() + ".pcap";
        DockerProcess process =
                DockerProcess.start(exec, host, "tcpdump", argv(iface, inContainer, filter), Map.of(), log);
        DockerCapture capture = new DockerCapture(point, filter, host, inContainer, pcap, process);
        // Each isAlive() is a call to the daemon, hence a longer interval than netns polls at.
        capture.awaitListening(Duration.ofMillis(10));
        return capture;
    }

    @Override
    protected long pcapSize() {
        ExecResult stat = host.topology()
                .exec()
                .run(
                        host.containerId(),
                        host.name(),
                        List.of("stat"),
                        List.of("stat", "-c", "%s", pcapInContainer),
                        Map.of(),
                        null,
                        Duration.ofSeconds(10));
        String text = stat.stdout().strip();
        return stat.succeeded() && text.matches("\\d+") ? Long.parseLong(text) : -1;
    }

    @Override
    protected void collect() {
        new ContainerFiles(host.topology().client(), host.containerId()).copyOut(pcapInContainer, file());
    }
}
