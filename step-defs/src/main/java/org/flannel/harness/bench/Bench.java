package org.flannel.harness.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.flannel.harness.contracts.bench.BenchJson;
import org.flannel.harness.contracts.bench.BenchReport;
import org.flannel.harness.impl.Implementation;
import org.flannel.harness.topology.TopologySettings;

/**
 * The benchmark's entry point ({@code scripts/bench.sh}): for each backend, each N and each implementation in turn
 * (the implementations interleaved at every size), a fresh cluster on network namespaces and the phases in order.
 * It prints figures; it never passes or fails on them.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws IOException {
        BenchOptions options;
        try {
            options = BenchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        TopologySettings settings = TopologySettings.fromSystemProperties();
        Measurements measurements = new Measurements();
        Progress progress = new Progress();
        String startedAt = Instant.now().toString();
        List<String> load = new ArrayList<>(List.of("start: " + uptime()));
        AtomicReference<BenchCluster> current = new AtomicReference<>();
        // Ctrl-C: the namespaces and processes of the cluster in use go too (the driver's ledger sweeps the rest).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            BenchCluster cluster = current.getAndSet(null);
            if (cluster != null) {
                cluster.close();
            }
        }));
        progress.say("load " + uptime());
        for (String backend : options.backends()) {
            for (int size : options.sizes()) {
                for (Map.Entry<String, Path> impl : options.implementations().entrySet()) {
                    progress.context(backend + " N=" + size + " " + impl.getKey());
                    Measurements.Scope scope = measurements.scope(backend, size, impl.getKey());
                    try (BenchCluster cluster = BenchCluster.create(settings, backend, size)) {
                        current.set(cluster);
                        measure(cluster, new Implementation(impl.getValue(), impl.getKey()), options, scope, progress);
                    } catch (RuntimeException | AssertionError e) {
                        String message = String.valueOf(e.getMessage());
                        scope.note("!!! the run failed: "
                                + message.lines().findFirst().orElse(""));
                        progress.say("!!! FAILED: " + e.getClass().getSimpleName() + ": " + message);
                    } finally {
                        current.set(null);
                    }
                    write(options, startedAt, load, measurements);
                }
            }
        }
        progress.context("");
        load.add("end: " + uptime());
        BenchReport report = write(options, startedAt, load, measurements);
        System.out.println();
        System.out.print(BenchTable.format(
                report.implementations().stream()
                        .map(BenchReport.Implementation::name)
                        .toList(),
                report.figures()));
        System.out.println();
        System.out.println("Ratios of one run on a shared machine: indicative. Load " + String.join("; ", load));
        for (String note : report.notes()) {
            System.out.println((note.contains("!!!") ? "" : "note: ") + note);
        }
        System.out.println("JSON: " + options.output().toAbsolutePath());
    }

    private static void measure(
            BenchCluster cluster,
            Implementation implementation,
            BenchOptions options,
            Measurements.Scope scope,
            Progress progress) {
        progress.say("starting " + cluster.monitors().size() + " agents");
        Map<RouteMonitor, String> own = ColdStart.run(cluster, implementation, scope, progress);
        AgentCost.idle(cluster, options.idle(), scope, progress);
        FakeLeases leases = new FakeLeases(cluster.backend(), cluster.leases().keySet());
        if (cluster.backend().equals("udp")) {
            String why = "udp keeps its peers inside the agent: the kernel has one route 10.1.0.0/16 dev flannel0";
            scope.notMeasurable("convergence: lease added", why);
            scope.notMeasurable("lease storm: all N added on a node", why);
        } else {
            Convergence.run(cluster, leases, options.repeats(), scope, progress);
            LeaseStorm.run(cluster, leases, scope, progress);
        }
        Churn.run(cluster, leases, own, options.churn(), options.churnRate(), scope, progress);
        if (options.dataPath() && cluster.monitors().size() == options.sizes().get(0)) {
            DataPath.run(cluster, scope, progress);
        }
        AgentCost.shutdown(cluster, scope, progress);
    }

    private static BenchReport write(
            BenchOptions options, String startedAt, List<String> load, Measurements measurements) throws IOException {
        BenchReport report = new BenchReport(
                startedAt,
                Instant.now().toString(),
                Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                        + System.getProperty("os.version"),
                load,
                options.implementations().entrySet().stream()
                        .map(e -> new BenchReport.Implementation(
                                e.getKey(), e.getValue().toString()))
                        .toList(),
                measurements.figures(),
                measurements.series(),
                measurements.notes());
        BenchJson.write(report, options.output());
        return report;
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
