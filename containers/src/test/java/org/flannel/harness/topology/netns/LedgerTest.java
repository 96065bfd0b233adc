package org.flannel.harness.topology.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flannel.harness.topology.support.ProcessIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
    @Test
    void recordsOwnerNamespacesAndDirectories(@TempDir Path dir) throws Exception {
        Ledger ledger = Ledger.create(dir, "fcab12");
        ledger.recordNamespace("fcab12-node1");
        ledger.recordDirectory(Path.of("/tmp/x/fcab12"));

        Ledger.Contents contents = Ledger.read(ledger.file()).orElseThrow();

        assertThat(ledger.file()).isEqualTo(dir.resolve("fcab12.ledger"));
        assertThat(contents.prefix()).isEqualTo("fcab12");
        assertThat(contents.ownerPid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(ProcessIdentity.isAlive(contents.ownerPid(), contents.ownerStartTime()))
                .isTrue();
        assertThat(contents.namespaces()).containsExactly("fcab12-node1");
        assertThat(contents.directories()).containsExactly(Path.of("/tmp/x/fcab12"));
    }

    @Test
    void aGarbledOwnerLineIsNotALedger(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fcab12.ledger");
        Files.write(file, List.of("hello", "netns fcab12-node1"));

        assertThat(Ledger.read(file)).isEmpty();
    }

    @Test
    void aReusedPidIsNotTheOwner() {
        long me = ProcessHandle.current().pid();
        long myStart = ProcessIdentity.startTime(me).orElseThrow();

        assertThat(ProcessIdentity.isAlive(me, myStart)).isTrue();
        assertThat(ProcessIdentity.isAlive(me, myStart + 1)).isFalse();
    }
}
