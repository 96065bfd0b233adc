package org.flannel.harness.contracts.conformance;

import java.util.Arrays;
import java.util.List;

/**
 * A scenario's {@code Source:} line, in its description: the references to the project's source documents
 * it states, e.g. {@code Source: seed: "..." ; flannel-behaviour.md §4.5 Per remote lease: EventAdded}.
 */
public final class SourceLines {
    public static final String PREFIX = "Source:";
    /** Between two references of one line. */
    public static final String SEPARATOR = " ; ";

    private SourceLines() {}

    /** The text after {@code Source:} on each description line that starts with it, stripped ("" for none). */
    public static List<String> of(String description) {
        if (description == null) {
            return List.of();
        }
        return description
                .lines()
                .map(String::strip)
                .filter(line -> line.startsWith(PREFIX))
                .map(line -> line.substring(PREFIX.length()).strip())
                .toList();
    }

    /** All of them as one text, as the conformance report keeps it: joined by " / ", or "" when there is none. */
    public static String joined(String description) {
        return String.join(" / ", of(description));
    }

    /** One line's references: {@code seed: "..."}, {@code flannel-behaviour.md §4.5 ...}. */
    public static List<String> references(String source) {
        return Arrays.stream(source.split(SEPARATOR))
                .map(String::strip)
                .filter(ref -> !ref.isEmpty())
                .toList();
    }
}
