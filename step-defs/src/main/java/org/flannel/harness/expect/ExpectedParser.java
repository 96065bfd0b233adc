package org.flannel.harness.expect;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the expected column. Rules are fixed phrases ({@code any}, {@code valid}, {@code zero or valid},
 * {@code in A..B}, {@code decremented by N}, {@code as sent}); text that looks like a value (a number, an address, a word such as
 * {@code absent}, or anything in quotes) is a literal; anything else is a symbol the topology must resolve.
 */
public final class ExpectedParser {

    private static final Pattern RANGE = Pattern.compile("in\\s+(\\S+?)\\s*\\.\\.\\s*(\\S+)");
    private static final Pattern DECREMENTED = Pattern.compile("decremented\\s+by\\s+(\\d+)");
    private static final Pattern NUMBER = Pattern.compile("\\d+|0x[0-9a-f]+");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern HEX_BYTES = Pattern.compile("[0-9a-f]{2}([:-][0-9a-f]{2})+");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:]*:[0-9a-f:]*:[0-9a-f:.]*");
    static final Set<String> WORDS = Set.of("present", "absent", "set", "not set", "true", "false", "yes", "no");

    private ExpectedParser() {}

    public static Expected parse(String text) {
        String trimmed = text.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (lower.equals("any")) {
            return new Expected.AnyValue();
        }
        if (lower.equals("valid")) {
            return new Expected.Valid();
        }
        if (lower.equals("zero or valid")) {
            return new Expected.ZeroOrValid();
        }
        if (lower.equals("as sent")) {
            return new Expected.AsSent();
        }
        Matcher range = RANGE.matcher(lower);
        if (range.matches()) {
            long low = number(range.group(1), text);
            long high = number(range.group(2), text);
            if (low > high) {
                throw new IllegalArgumentException("empty range '" + text + "': write in LOW..HIGH");
            }
            return new Expected.InRange(low, high);
        }
        Matcher decremented = DECREMENTED.matcher(lower);
        if (decremented.matches()) {
            return new Expected.DecrementedBy(Long.parseLong(decremented.group(1)));
        }
        if (isQuoted(trimmed)) {
            return new Expected.Literal(trimmed.substring(1, trimmed.length() - 1));
        }
        if (looksLikeValue(lower)) {
            return new Expected.Literal(trimmed);
        }
        return new Expected.SymbolRef(trimmed);
    }

    static boolean looksLikeValue(String lower) {
        return NUMBER.matcher(lower).matches()
                || IPV4.matcher(lower).matches()
                || HEX_BYTES.matcher(lower).matches()
                || IPV6.matcher(lower).matches()
                || WORDS.contains(lower);
    }

    /** A decimal or 0x-prefixed hex number, or empty when the text is neither. */
    static java.util.OptionalLong parseNumber(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("0x")) {
                return java.util.OptionalLong.of(Long.parseUnsignedLong(lower.substring(2), 16));
            }
            return java.util.OptionalLong.of(Long.parseLong(lower));
        } catch (NumberFormatException notANumber) {
            return java.util.OptionalLong.empty();
        }
    }

    private static long number(String text, String whole) {
        return parseNumber(text)
                .orElseThrow(() -> new IllegalArgumentException(
                        "'" + text + "' in '" + whole + "' is not a number (decimal, or hex with 0x)"));
    }

    private static boolean isQuoted(String text) {
        return text.length() >= 2
                && (text.startsWith("\"") && text.endsWith("\"") || text.startsWith("'") && text.endsWith("'"));
    }
}
