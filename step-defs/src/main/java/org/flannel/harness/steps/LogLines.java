package org.flannel.harness.steps;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Lines of an agent's log, compared by their shape (digits aside), whatever its log format. */
final class LogLines {
    private LogLines() {}

    /**
     * The first line naming {@code subject} whose shape no line naming {@code routine} has: what the
     * agent said of the one and never of the other (timestamps, addresses and pids are digits).
     */
    /** The last lines of a log, indented, to show under a message. */
    static String tail(String log, int lines) {
        List<String> all = log.lines().toList();
        List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
        return last.isEmpty() ? "  (its log is empty)" : "  " + String.join("\n  ", last);
    }

    static Optional<String> saidOnlyOf(String log, String subject, String routine) {
        Set<String> routineShapes = log.lines()
                .filter(line -> line.contains(routine))
                .map(LogLines::shape)
                .collect(Collectors.toSet());
        return log.lines()
                .filter(line -> line.contains(subject))
                .filter(line -> !routineShapes.contains(shape(line)))
                .findFirst();
    }

    static String shape(String line) {
        return line.replaceAll("\\d+", "#");
    }
}
