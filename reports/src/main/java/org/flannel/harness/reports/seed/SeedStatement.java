package org.flannel.harness.reports.seed;

import java.util.List;

/**
 * One statement of the seed: a stretch of the Chinese original (a heading, a paragraph, a part of a code
 * block, one step of the flow) with its English rendering, the site's note, the scenarios that demonstrate
 * it and the evidence to draw beside it.
 *
 * @param id             its anchor on the seed page
 * @param original       its lines in the Chinese original (fences and rules left out), each marked as code or not
 * @param english        the English rendering's text for it
 * @param note           the site's own explanation ("" when none)
 * @param demonstratedBy selectors of scenarios: {@code feature:<path>}, {@code @tag}, or a scenario's name
 * @param show           evidence to draw: {@code frame:vxlan:outer.ipv4}, {@code hops:3}, {@code kernel:route -n}, {@code topology}
 */
public record SeedStatement(
        String id,
        List<Line> original,
        List<String> english,
        String note,
        List<String> demonstratedBy,
        List<String> show) {

    /** A line of the original, and whether it sits inside a code block there. */
    public record Line(String text, boolean code) {}

    public SeedStatement {
        original = List.copyOf(original);
        english = List.copyOf(english);
        demonstratedBy = List.copyOf(demonstratedBy);
        show = List.copyOf(show);
    }

    /** True for a heading: its original is one Markdown heading line. */
    public boolean isHeading() {
        List<Line> text = original.stream().filter(l -> !l.text().isBlank()).toList();
        return !text.isEmpty() && !text.get(0).code() && text.get(0).text().startsWith("#");
    }

    /** The heading's level (1 for {@code #}), 0 for a statement that is not a heading. */
    public int headingLevel() {
        if (!isHeading()) {
            return 0;
        }
        String first = original.stream()
                .filter(l -> !l.text().isBlank())
                .findFirst()
                .orElseThrow()
                .text();
        int level = 0;
        while (level < first.length() && first.charAt(level) == '#') {
            level++;
        }
        return level;
    }
}
