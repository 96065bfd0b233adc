package org.flannel.harness.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.flannel.harness.topology.ManagedProcess;
import org.flannel.harness.topology.Node;

/**
 * One running instance of the implementation on one node. Ready means its subnet file was written by
 * this instance: it names FLANNEL_SUBNET and its content differs from what lay there at launch (the
 * harness leaves at most the two lines Flannel reads back, so a touched or untouched file never counts).
 */
public final class Agent {
    private final Node node;
    private final ManagedProcess process;
    private final Path subnetFile;
    private final Optional<String> subnetFileAtLaunch;
    private final Implementation implementation;
    private final List<String> flags;

    /**
     * An agent of a known implementation (its role is named in messages and in its log's name);
     * {@code subnetFileAtLaunch} is the subnet file's content when it was started (empty: no file).
     */
    public Agent(
            Node node,
            ManagedProcess process,
            Path subnetFile,
            Optional<String> subnetFileAtLaunch,
            Implementation implementation) {
        this(node, process, subnetFile, subnetFileAtLaunch, implementation, List.of());
    }

    /** @param flags what the scenario gave it beyond the contract's command line (a restart gives them again) */
    public Agent(
            Node node,
            ManagedProcess process,
            Path subnetFile,
            Optional<String> subnetFileAtLaunch,
            Implementation implementation,
            List<String> flags) {
        this.node = node;
        this.process = process;
        this.subnetFile = subnetFile;
        this.subnetFileAtLaunch = subnetFileAtLaunch;
        this.implementation = implementation;
        this.flags = List.copyOf(flags);
    }

    public List<String> flags() {
        return flags;
    }

    /** The subnet file's content now; empty when there is none. */
    public static Optional<String> contentOf(Path subnetFile) {
        try {
            return Optional.of(Files.readString(subnetFile));
        } catch (IOException notThere) {
            return Optional.empty();
        }
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
        return implementation == null
                ? process.logs()
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
        Optional<String> now = contentOf(subnetFile);
        return now.isPresent()
                && !now.equals(subnetFileAtLaunch)
                && now.get().lines().anyMatch(line -> line.startsWith("FLANNEL_SUBNET="));
    }

    /** Waits for readiness; fails with the agent's own log when it exits or takes too long. */
    public void awaitReady(Duration limit) {
        try {
            Awaitility.await()
                    .atMost(limit)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(25))
                    .failFast("exited", () -> !process.isAlive() && !isReady())
                    .until(this::isReady);
        } catch (TerminalFailureException exited) {
            throw new AssertionError("flanneld on " + node.name() + roleSuffix() + " exited (status "
                    + process.waitFor(Duration.ZERO).map(String::valueOf).orElse("?")
                    + ") before writing its subnet file " + subnetFile + ". Its log:\n" + process.logs());
        } catch (ConditionTimeoutException late) {
            throw new AssertionError("flanneld on " + node.name() + roleSuffix() + " did not write its subnet file "
                    + subnetFile + " (written: it names FLANNEL_SUBNET and differs from what lay there at launch: "
                    + subnetFileAtLaunch.map(t -> t.strip().replace("\n", ", ")).orElse("no file") + ") within "
                    + limit.toSeconds() + " s. Its log:\n" + process.logs());
        }
    }
}
