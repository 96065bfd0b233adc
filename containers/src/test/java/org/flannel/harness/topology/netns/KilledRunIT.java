package org.flannel.harness.topology.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flannel.harness.topology.support.ProcessIdentity;
import org.junit.jupiter.api.Test;

/** A run in another JVM, ended by Ctrl-C/SIGTERM (shutdown hook) or SIGKILL (sweeper). */
class KilledRunIT {
    private final NetnsSettings settings = NetnsSettings.fromSystemProperties();
    private final Netns netns = new Netns(new ProcessRunner());

    @Test
    void sigtermRunsTheCleanupThroughTheShutdownHook() throws Exception {
        Process child = startHolder();
        String prefix = awaitReady(child);
        List<Long> pids = pidsOf(prefix);
        assertThat(pids).as("etcd and sleep").hasSize(2);

        child.destroy();
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();

        assertThat(OsProcesses.namespacesStartingWith(prefix + "-")).isEmpty();
        assertThat(pids).noneMatch(ProcessIdentity::isRunning);
        assertThat(Ledger.fileFor(settings.ledgerDir(), prefix)).doesNotExist();
        assertThat(settings.workRoot().resolve(prefix)).doesNotExist();
    }

    @Test
    void sigkillLeavesALedgerThatTheSweeperFollows() throws Exception {
        Process child = startHolder();
        String prefix = awaitReady(child);
        List<Long> pids = pidsOf(prefix);

        child.destroyForcibly();
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(OsProcesses.namespacesStartingWith(prefix + "-")).hasSize(3);
        assertThat(pids).allMatch(ProcessIdentity::isRunning);

        Sweeper.Result result = Sweeper.sweepStale(settings.ledgerDir());

        assertThat(result.sweptRuns()).contains(prefix);
        assertThat(OsProcesses.namespacesStartingWith(prefix + "-")).isEmpty();
        assertThat(pids).noneMatch(ProcessIdentity::isRunning);
        assertThat(Ledger.fileFor(settings.ledgerDir(), prefix)).doesNotExist();
        assertThat(settings.workRoot().resolve(prefix)).doesNotExist();
    }

    private Process startHolder() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HoldTopology.class.getName())
                .redirectErrorStream(true)
                .start();
    }

    private static String awaitReady(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                return line.substring(6).trim();
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("holder exited without READY:\n" + seen);
    }

    private List<Long> pidsOf(String prefix) throws Exception {
        List<Long> pids = new ArrayList<>();
        for (String ns : OsProcesses.namespacesStartingWith(prefix + "-")) {
            pids.addAll(netns.pids(ns));
        }
        return pids;
    }
}
