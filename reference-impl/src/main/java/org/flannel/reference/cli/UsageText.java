package org.flannel.reference.cli;

/**
 * flanneld's help text: {@code Usage: flanneld [OPTION]...} then every flag in the layout of Go's
 * {@code FlagSet.PrintDefaults} (name and type word, help on the next line after four spaces and a tab,
 * non-zero defaults in parentheses, strings quoted).
 */
final class UsageText {

    private UsageText() {}

    static String render() {
        StringBuilder text = new StringBuilder("Usage: flanneld [OPTION]...\n");
        for (FlagSpec spec : FlanneldFlags.ALL) {
            StringBuilder line = new StringBuilder("  -").append(spec.name());
            if (!spec.type().usageTypeName.isEmpty()) {
                line.append(' ').append(spec.type().usageTypeName);
            }
            // Go puts the help of a one-letter boolean on the same line.
            line.append(line.length() <= 4 ? "\t" : "\n    \t");
            line.append(spec.usage());
            if (!spec.hasZeroDefault()) {
                String shown = spec.type() == FlagType.STRING ? GoQuote.quote(spec.defaultText()) : spec.defaultText();
                line.append(" (default ").append(shown).append(')');
            }
            text.append(line).append('\n');
        }
        return text.toString();
    }
}
