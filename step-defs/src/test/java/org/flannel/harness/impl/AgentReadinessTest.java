package org.flannel.harness.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ready means the agent wrote its subnet file: judged by content, never by modification time. */
class AgentReadinessTest {
    private static final String REMEMBERED = "FLANNEL_NETWORK=10.1.0.0/16\nFLANNEL_SUBNET=10.1.15.1/24\n";
    private static final String WRITTEN = REMEMBERED + "FLANNEL_MTU=1450\nFLANNEL_IPMASQ=false\n";

    @TempDir
    Path dir;

    @Test
    void aFileTouchedButNotRewrittenIsNotAWrite() throws Exception {
        Path file = Files.writeString(dir.resolve("subnet.env"), REMEMBERED);
        Agent agent = agentFor(file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(agent.isReady()).isFalse();
        Files.writeString(file, WRITTEN);
        assertThat(agent.isReady()).isTrue();
    }

    @Test
    void aFileWithoutFlannelSubnetIsNotReadyYet() throws Exception {
        Path file = dir.resolve("subnet.env");
        Agent agent = agentFor(file);
        assertThat(agent.isReady()).as("no file").isFalse();
        Files.writeString(file, "FLANNEL_NETWORK=10.1.0.0/16\n");
        assertThat(agent.isReady()).as("a partial write").isFalse();
        Files.writeString(file, WRITTEN);
        assertThat(agent.isReady()).isTrue();
    }

    private static Agent agentFor(Path file) {
        return new Agent(null, null, file, Agent.contentOf(file), null);
    }
}
