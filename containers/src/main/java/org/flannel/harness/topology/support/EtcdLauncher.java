package org.flannel.harness.topology.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flannel.harness.topology.EtcdctlClient;
import org.flannel.harness.topology.Host;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.TopologyException;

/** Starts a single-member etcd on its host (namespace or container) and waits until it serves clients. */
public final class EtcdLauncher {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private EtcdLauncher() {}

    public static ManagedProcess start(Host host, String memberName, String address, String dataDir) {
        String client = "http://" + address + ":2379";
        String peer = "http://" + address + ":2380";
        // Short heartbeat/election: a lone member elects itself within ~100 ms instead of ~1 s.
        return host.start(
                "etcd",
                List.of(
                        "etcd",
                        "--name",
                        memberName,
                        "--data-dir",
                        dataDir,
                        "--listen-client-urls",
                        client,
                        "--advertise-client-urls",
                        client,
                        "--listen-peer-urls",
                        peer,
                        "--initial-advertise-peer-urls",
                        peer,
                        "--initial-cluster",
                        memberName + "=" + peer,
                        "--initial-cluster-state",
                        "new",
                        "--initial-cluster-token",
                        memberName,
                        "--heartbeat-interval",
                        "10",
                        "--election-timeout",
                        "100",
                        "--logger",
                        "zap",
                        "--log-outputs",
                        "stderr"),
                Map.of());
    }

    /** Returns once etcd logged readiness and `etcdctl endpoint health` succeeds. */
    public static void awaitReady(ManagedProcess etcd, EtcdctlClient client) {
        long started = System.nanoTime();
        AtomicBoolean worthAsking = new AtomicBoolean();
        boolean healthy = Waiting.until(
                READY_TIMEOUT,
                () -> Duration.ofMillis(worthAsking.get() ? 50 : 10),
                () -> isReady(etcd, client, started, worthAsking));
        if (!healthy) {
            throw new TopologyException(
                    "etcd at " + client.endpoint() + " not healthy after " + READY_TIMEOUT.toSeconds() + " s; its log "
                            + etcd.logFile() + " ends with:\n" + tail(etcd.logs()));
        }
    }

    /** Polling etcdctl costs a process each time: it is worth asking once etcd logged readiness, or after 1 s. */
    private static boolean isReady(ManagedProcess etcd, EtcdctlClient client, long started, AtomicBoolean worthAsking) {
        if (!etcd.isAlive()) {
            throw new TopologyException("etcd exited with code "
                    + etcd.waitFor(Duration.ZERO).orElse(-1) + " before becoming ready; its log " + etcd.logFile()
                    + " ends with:\n" + tail(etcd.logs()));
        }
        if (announcesServing(etcd.logs())
                || System.nanoTime() - started > Duration.ofSeconds(1).toNanos()) {
            worthAsking.set(true);
        }
        return worthAsking.get() && client.isHealthy();
    }

    /** zap logs "serving client traffic ...", capnslog "ready to serve client requests". */
    private static boolean announcesServing(String log) {
        return log.contains("serving client traffic") || log.contains("ready to serve client requests");
    }

    private static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 15), lines.length));
    }
}
