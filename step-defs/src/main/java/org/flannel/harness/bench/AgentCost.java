package org.flannel.harness.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flannel.harness.impl.Agent;
import org.flannel.harness.topology.ManagedProcess;

/** What each agent costs once the mesh settled: memory, threads, CPU while idle, and how fast SIGTERM ends it. */
final class AgentCost {
    private AgentCost() {}

    static void idle(BenchCluster cluster, Duration idle, Measurements.Scope scope, Progress progress) {
        List<ProcessSample> before = samples(cluster.agents());
        Programmed.sleep(idle);
        List<ProcessSample> after = samples(cluster.agents());
        List<Double> rss = new ArrayList<>();
        List<Double> threads = new ArrayList<>();
        after.stream().filter(s -> s != null).forEach(s -> {
            rss.add(s.rssKiB() / 1024.0);
            threads.add((double) s.threads());
        });
        if (rss.isEmpty()) {
            scope.note("!!! no agent process was left to measure");
            return;
        }
        Summary memory = Summary.of(rss);
        scope.figure("memory: VmRSS per agent, median", "MiB", memory.median());
        scope.figure("memory: VmRSS per agent, max", "MiB", memory.max());
        scope.figure("threads per agent, median", "count", Summary.of(threads).median());
        cpuBetween(before, after, idle.toMillis() / 1000.0, "CPU idle", scope);
        progress.say("cost: RSS median " + Math.round(memory.median()) + " MiB per agent");
    }

    /** CPU seconds each agent used between two samples, per minute of wall time: the median over agents. */
    static void cpuBetween(
            List<ProcessSample> before,
            List<ProcessSample> after,
            double seconds,
            String what,
            Measurements.Scope scope) {
        List<Double> perMinute = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i) != null && after.get(i) != null) {
                perMinute.add((after.get(i).cpuSeconds() - before.get(i).cpuSeconds()) * 60.0 / seconds);
            }
        }
        if (!perMinute.isEmpty()) {
            Summary summary = Summary.of(perMinute);
            scope.figure(what + ": CPU s per agent per minute, median", "s/min", summary.median());
            scope.figure(what + ": CPU s per agent per minute, max", "s/min", summary.max());
        }
    }

    /** SIGTERM to each agent in turn, timed until it exited (SIGKILL after 10 s, which counts as 10 s). */
    static void shutdown(BenchCluster cluster, Measurements.Scope scope, Progress progress) {
        List<Double> exits = new ArrayList<>();
        int killed = 0;
        for (Agent agent : cluster.agents()) {
            ManagedProcess process = agent.process();
            if (!process.isAlive()) {
                continue;
            }
            long began = System.nanoTime();
            int status = process.stop(Duration.ofSeconds(10));
            exits.add((System.nanoTime() - began) / 1e6);
            if (status == 137) {
                killed++;
            }
        }
        if (killed > 0) {
            scope.note("!!! " + killed + " agents ignored SIGTERM for 10 s and were killed");
        }
        scope.lags("SIGTERM to exit", exits);
        if (!exits.isEmpty()) {
            progress.say("SIGTERM to exit: max " + Math.round(Summary.of(exits).max()) + " ms");
        }
    }

    static List<ProcessSample> samples(List<Agent> agents) {
        return agents.stream()
                .map(agent -> ProcessSample.of(agent.process().pid()).orElse(null))
                .toList();
    }
}
