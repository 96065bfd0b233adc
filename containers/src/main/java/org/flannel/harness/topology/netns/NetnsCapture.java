package org.flannel.harness.topology.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.flannel.harness.topology.TopologyException;
import org.flannel.harness.topology.support.TcpdumpCapture;

/** tcpdump in a namespace, writing its pcap straight into the work directory. */
final class NetnsCapture extends TcpdumpCapture {
    private NetnsCapture(String point, String filter, Path pcap, NetnsProcess process) {
        super(point, filter, pcap, process);
    }

    static NetnsCapture start(
            ProcessRunner runner, String point, String namespace, String iface, String filter, Path pcap, Path log) {
        NetnsProcess process = NetnsProcess.start(
                runner, point, namespace, "tcpdump", argv(iface, pcap.toString(), filter), Map.of(), log);
        NetnsCapture capture = new NetnsCapture(point, filter, pcap, process);
        capture.awaitListening(Duration.ofMillis(5));
        return capture;
    }

    @Override
    protected long pcapSize() {
        try {
            return Files.size(file());
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    protected void collect() {
        if (!Files.exists(file())) {
            throw new TopologyException("tcpdump at " + point() + " wrote no pcap file " + file() + ": "
                    + process().logs().strip());
        }
    }
}
