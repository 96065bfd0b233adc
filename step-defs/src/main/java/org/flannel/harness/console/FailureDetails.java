package org.flannel.harness.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a person needs of a failure without opening the reports, printed under its scenario's line: the
 * step where it failed, the message (our assertions carry the diff: the field table, the kernel rows), and
 * the last lines of each agent's log. Everything else (captures, node dumps, whole logs) stays in the reports.
 */
final class FailureDetails {
    /** A whole field table fits; a longer message is cut, and the reports have it all. */
    static final int MESSAGE_LINES = 60;

    static final int LOG_LINES = 15;
    private static final String INDENT = "    ";

    private FailureDetails() {}

    /**
     * @param failedStep the first step that did not pass, or null
     * @param message the failure's message, or null (an undefined step has none)
     * @param agentLogs each agent log the scenario attached, by attachment name, in the order attached
     */
    static List<String> lines(String failedStep, String message, Map<String, String> agentLogs) {
        List<String> lines = new ArrayList<>();
        if (failedStep != null) {
            lines.add(INDENT + "at: " + failedStep);
        }
        if (message != null) {
            List<String> all = message.strip().lines().toList();
            all.stream().limit(MESSAGE_LINES).forEach(line -> lines.add(INDENT + line));
            if (all.size() > MESSAGE_LINES) {
                lines.add(INDENT + "... " + (all.size() - MESSAGE_LINES) + " more lines in the reports");
            }
        }
        agentLogs.forEach((name, log) -> {
            List<String> tail = tail(log, LOG_LINES);
            lines.add(INDENT + name + (tail.isEmpty() ? ": empty" : ", its last lines:"));
            tail.forEach(line -> lines.add(INDENT + "  " + line));
        });
        return lines;
    }

    /** The last lines of a log, without the header naming the implementation and without trailing blanks. */
    static List<String> tail(String log, int count) {
        List<String> lines = new ArrayList<>(
                log.lines().filter(line -> !line.startsWith("# flanneld ")).toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }
}
