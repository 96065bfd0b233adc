package org.flannel.harness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flannel.harness.topology.Command;
import org.flannel.harness.topology.Container;
import org.flannel.harness.topology.ExecResult;

/**
 * Pod to pod between node1 and node2 through the backend: ping RTT, then iperf3 TCP and UDP, each bounded in count
 * and time and aimed only at the run's own pod.
 */
final class DataPath {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RTT = Pattern.compile("time=([0-9.]+) ms");
    private static final int PINGS = 50;
    private static final int SECONDS = 5;

    private DataPath() {}

    static void run(BenchCluster cluster, Measurements.Scope scope, Progress progress) {
        Container client = cluster.pod("pod-1", 0);
        Container server = cluster.pod("pod-2", 1);
        ExecResult ping = client.exec(
                Command.of("ping", "-n", "-c", Integer.toString(PINGS), "-i", "0.1", "-W", "2", server.address())
                        .withTimeout(Duration.ofSeconds(60)));
        List<Double> rtts = rtts(ping.stdout());
        scope.figure("data path: ping answered", "of " + PINGS, (double) rtts.size());
        if (rtts.isEmpty()) {
            scope.note("!!! data path: no ping from pod-1 to pod-2 was answered; throughput not measured");
            return;
        }
        scope.lags("data path: ping RTT", rtts);
        server.start("iperf3-server", List.of("iperf3", "-s", "-p", "5201"));
        Programmed.sleep(Duration.ofMillis(500));
        double tcp = iperf(client, server, List.of(), scope, "TCP").orElse(Double.NaN);
        double udp = iperf(client, server, List.of("-u", "-b", "1G", "-l", "1200"), scope, "UDP")
                .orElse(Double.NaN);
        progress.say(String.format(
                "data path: ping median %.2f ms, TCP %.0f Mbit/s, UDP %.0f Mbit/s received",
                Summary.of(rtts).median(), tcp, udp));
    }

    private static java.util.Optional<Double> iperf(
            Container client, Container server, List<String> extra, Measurements.Scope scope, String what) {
        List<String> argv = new ArrayList<>(
                List.of("iperf3", "-c", server.address(), "-p", "5201", "-t", Integer.toString(SECONDS), "-J"));
        argv.addAll(extra);
        ExecResult result = client.exec(Command.of(argv).withTimeout(Duration.ofSeconds(SECONDS + 30)));
        try {
            JsonNode end = JSON.readTree(result.stdout()).path("end");
            JsonNode received = end.has("sum_received") ? end.path("sum_received") : end.path("sum");
            if (received.isMissingNode() || !received.has("bits_per_second")) {
                scope.note("!!! data path: iperf3 " + what + " gave no result: "
                        + result.stderr().strip());
                return java.util.Optional.empty();
            }
            double mbits = received.path("bits_per_second").asDouble() / 1e6;
            scope.figure("data path: iperf3 " + what + " received", "Mbit/s", mbits);
            if (end.path("sum").has("lost_percent")) {
                scope.figure(
                        "data path: iperf3 UDP lost",
                        "%",
                        end.path("sum").path("lost_percent").asDouble());
            }
            return java.util.Optional.of(mbits);
        } catch (IOException e) {
            scope.note("!!! data path: iperf3 " + what + " printed no JSON: "
                    + result.stderr().strip());
            return java.util.Optional.empty();
        }
    }

    /** Each reply's round trip from ping's lines ({@code time=0.123 ms}). */
    static List<Double> rtts(String pingOutput) {
        List<Double> rtts = new ArrayList<>();
        Matcher m = RTT.matcher(pingOutput);
        while (m.find()) {
            rtts.add(Double.parseDouble(m.group(1)));
        }
        return rtts;
    }
}
