package org.flannel.harness.topology.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.flannel.harness.topology.Topology;
import org.flannel.harness.topology.TopologySpec;
import org.flannel.harness.topology.support.ProcessIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What killed runs leave is swept by the next create(); what no ledger lists is never touched. */
class SweeperIT {
    private final NetnsSettings settings = NetnsSettings.fromSystemProperties();
    private final String foreign = "fcxx-foreign";
    private final String livePrefix = randomPrefix();

    @AfterEach
    void removeWhatThisTestMade() throws Exception {
        new Netns(new ProcessRunner()).delete(foreign, Duration.ofSeconds(1));
        new Netns(new ProcessRunner()).delete(livePrefix + "-node1", Duration.ofSeconds(1));
        Files.deleteIfExists(Ledger.fileFor(settings.ledgerDir(), livePrefix));
    }

    @Test
    void createSweepsRunsWhoseOwnerIsGoneAndNothingElse() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        String deadRun = fakeRun(finished.pid(), 12345, "987671");
        long me = ProcessHandle.current().pid();
        String reusedPidRun = fakeRun(me, ProcessIdentity.startTime(me).orElseThrow() + 1, "987672");
        fakeNamespace(livePrefix + "-node1", "987673");
        Files.writeString(
                Ledger.fileFor(settings.ledgerDir(), livePrefix),
                me + " " + ProcessIdentity.startTime(me).orElseThrow() + "\nnetns " + livePrefix + "-node1\n");
        OsProcesses.run("/usr/sbin/ip", "netns", "add", foreign);

        try (Topology topo = new NetnsDriver(settings)
                .create(TopologySpec.builder()
                        .segment("underlay", "10.168.0.0/24")
                        .node("node1", "underlay", "10.168.0.2")
                        .build())) {
            assertThat(topo.runId()).isNotIn(deadRun, reusedPidRun);
        }

        for (String run : List.of(deadRun, reusedPidRun)) {
            assertThat(OsProcesses.namespacesStartingWith(run + "-"))
                    .as(run + "'s namespaces")
                    .isEmpty();
            assertThat(Ledger.fileFor(settings.ledgerDir(), run)).doesNotExist();
            assertThat(settings.workRoot().resolve(run)).doesNotExist();
        }
        assertThat(OsProcesses.withArgument("987671")).isEmpty();
        assertThat(OsProcesses.withArgument("987672")).isEmpty();
        assertThat(OsProcesses.namespacesStartingWith(livePrefix + "-"))
                .as("a live run is left alone")
                .hasSize(1);
        assertThat(OsProcesses.withArgument("987673")).hasSize(1);
        assertThat(OsProcesses.namespacesStartingWith(foreign))
                .as("in no ledger: untouched")
                .containsExactly(foreign);
    }

    @Test
    void aLedgerEntryWithoutItsPrefixIsNotTrusted() throws Exception {
        OsProcesses.run("/usr/sbin/ip", "netns", "add", foreign);
        String run = randomPrefix();
        Path ledger = Ledger.fileFor(settings.ledgerDir(), run);
        Files.createDirectories(settings.ledgerDir());
        Files.writeString(ledger, "1 1\nnetns " + foreign + "\ndir /tmp\n");

        Sweeper.Result result = Sweeper.sweepStale(settings.ledgerDir());

        assertThat(OsProcesses.namespacesStartingWith(foreign)).containsExactly(foreign);
        assertThat(Path.of("/tmp")).exists();
        assertThat(result.problems()).anyMatch(p -> p.contains("lists namespace " + foreign + " without its prefix"));
        assertThat(ledger).as("kept, since it could not be fully swept").exists();
        Files.delete(ledger);
    }

    /** A ledger as a killed run leaves it: a namespace with a process in it, a work directory. */
    private String fakeRun(long ownerPid, long ownerStart, String sleepMarker) throws Exception {
        String prefix = randomPrefix();
        String namespace = prefix + "-node1";
        Path dir = settings.workRoot().resolve(prefix);
        Files.createDirectories(settings.ledgerDir());
        Files.writeString(
                Ledger.fileFor(settings.ledgerDir(), prefix),
                ownerPid + " " + ownerStart + "\nnetns " + namespace + "\ndir " + dir + "\n");
        fakeNamespace(namespace, sleepMarker);
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs").resolve("x.log"), "left behind");
        return prefix;
    }

    private static void fakeNamespace(String namespace, String sleepMarker) throws Exception {
        OsProcesses.run("/usr/sbin/ip", "netns", "add", namespace);
        OsProcesses.run(
                "/usr/sbin/ip",
                "netns",
                "exec",
                namespace,
                "sh",
                "-c",
                "setsid sleep " + sleepMarker + " >/dev/null 2>&1 < /dev/null &");
        // sh returns once it has forked: the child becomes "sleep <marker>" a moment later.
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(
                        () -> assertThat(OsProcesses.withArgument(sleepMarker)).hasSize(1));
    }

    private static String randomPrefix() {
        return String.format("fx%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }
}
