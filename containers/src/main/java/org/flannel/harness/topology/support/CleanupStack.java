package org.flannel.harness.topology.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Undo actions in creation order. Each is pushed before (or as) its thing is created, so that a
 * failure halfway still undoes everything; unwinding runs them newest first and keeps going past
 * failures.
 */
public final class CleanupStack {
    private static final Logger LOG = LoggerFactory.getLogger(CleanupStack.class);

    @FunctionalInterface
    public interface Undo {
        void run() throws Exception;
    }

    private record Entry(String description, Undo undo) {}

    private final Deque<Entry> entries = new ArrayDeque<>();

    public synchronized void push(String description, Undo undo) {
        entries.push(new Entry(description, undo));
    }

    /** Runs and removes every undo action, newest first; returns a description of each failure. */
    public synchronized List<String> unwind() {
        List<String> failures = new ArrayList<>();
        while (!entries.isEmpty()) {
            Entry entry = entries.pop();
            try {
                LOG.debug("cleanup: {}", entry.description());
                entry.undo().run();
            } catch (Exception e) {
                // Debug only: the caller reports every failure together (close() throws with the list).
                LOG.debug("cleanup step failed: {}: {}", entry.description(), e.toString());
                failures.add(entry.description() + ": " + e.getMessage());
            }
        }
        return failures;
    }
}
