package org.flannel.harness.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.Node;

/**
 * One running instance of the implementation on one node. Ready means its subnet file was written by
 * this instance: it exists and is newer than the launch (a remembered file from before does not count).
 */
public final class Agent {
    private final Node node;
    private final ManagedProcess process;
    private final Path subnetFile;
    private final Instant launchedAt;
    private final Implementation implementation;

    public Agent(Node node, ManagedProcess process, Path subnetFile, Instant launchedAt) {
        this(node, process, subnetFile, launchedAt, null);
    }

    /** An agent of a known implementation (its role is named in messages and in its log's name). */
    public Agent(Node node, ManagedProcess process, Path subnetFile, Instant launchedAt, Implementation implementation) {
        this.node = node;
        this.process = process;
        this.subnetFile = subnetFile;
        this.launchedAt = launchedAt;
        this.implementation = implementation;
    }

    /** Which implementation this agent runs, if known. */
    public Optional<Implementation> implementation() {
        return Optional.ofNullable(implementation);
    }

    /** " (reference)", " (under test)", or "" when unknown: to follow "flanneld on node1". */
    public String roleSuffix() {
        return implementation == null ? "" : " (" + implementation.role() + ")";
    }

    /** The agent's log, headed by the implementation it runs (role and executable). */
    public String logWithHeader() {
        return implementation == null ? process.logs()
                : "# flanneld " + implementation.describe() + "\n" + process.logs();
    }

    public Node node() {
        return node;
    }

    public ManagedProcess process() {
        return process;
    }

    public Path subnetFile() {
        return subnetFile;
    }

    public boolean isReady() {
        try {
            FileTime written = Files.getLastModifiedTime(subnetFile);
            return !written.toInstant().isBefore(launchedAt);
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Waits for readiness; fails with the agent's own log when it exits or takes too long. */
    public void awaitReady(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!isReady()) {
            if (!process.isAlive()) {
                throw new AssertionError("flanneld on " + node.name() + roleSuffix() + " exited (status "
                        + process.waitFor(Duration.ZERO).map(String::valueOf).orElse("?")
                        + ") before writing its subnet file " + subnetFile + ". Its log:\n" + process.logs());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("flanneld on " + node.name() + roleSuffix() + " did not write its subnet file " + subnetFile
                        + " within " + limit.toSeconds() + " s. Its log:\n" + process.logs());
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for flanneld on " + node.name());
            }
        }
    }
}
