package org.flannel.harness.bench;

import java.time.Duration;
import java.time.Instant;

/** One console line per step of a long run, with the time since the run began. */
final class Progress {
    private final Instant began = Instant.now();
    private String context = "";

    void context(String text) {
        context = text;
    }

    void say(String text) {
        long seconds = Duration.between(began, Instant.now()).toSeconds();
        System.out.printf(
                "[%2d:%02d] %s%s%n", seconds / 60, seconds % 60, context.isEmpty() ? "" : context + ": ", text);
        System.out.flush();
    }
}
