package org.flannel.harness.expect;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.OptionalLong;
import org.flannel.harness.wire.Field;
import org.flannel.harness.wire.FieldKind;

/**
 * Whether a literal from a table means the same value as a decoded field: numbers compare as numbers whatever
 * their base ({@code 7238} is {@code 0x1c46}), MACs ignore case and separators, addresses compare as addresses.
 */
final class LiteralComparison {

    private LiteralComparison() {}

    static boolean matches(Field field, String literal) {
        if (field.isTruncated()) {
            return false;
        }
        String lower = literal.trim().toLowerCase(Locale.ROOT);
        return switch (field.kind()) {
            case NUMBER, HEX, BIT -> numberMatches(field, lower);
            case MAC, BYTES -> hexDigits(lower).equals(hexDigits(field.value()));
            case IPV4, IPV6 -> addressMatches(field.value(), lower);
            case PRESENCE -> presence(lower) == (field.number() == 1) && isPresenceWord(lower);
            case TRUNCATED -> false;
        };
    }

    private static boolean numberMatches(Field field, String lower) {
        OptionalLong number = ExpectedParser.parseNumber(lower);
        if (number.isPresent()) {
            return number.getAsLong() == field.number();
        }
        if (field.kind() == FieldKind.BIT) {
            return switch (lower) {
                case "set", "true", "yes" -> field.number() == 1;
                case "not set", "false", "no" -> field.number() == 0;
                default -> false;
            };
        }
        return lower.equals(field.value().toLowerCase(Locale.ROOT));
    }

    private static String hexDigits(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-f]", "");
    }

    private static boolean addressMatches(String actual, String expected) {
        if (actual.equalsIgnoreCase(expected)) {
            return true;
        }
        if (!expected.matches("[0-9a-f:.]+")) {
            return false; // never let InetAddress resolve a host name
        }
        try {
            return InetAddress.getByName(actual).equals(InetAddress.getByName(expected));
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    private static boolean isPresenceWord(String lower) {
        return ExpectedParser.WORDS.contains(lower) && !lower.equals("set") && !lower.equals("not set");
    }

    private static boolean presence(String lower) {
        return lower.equals("present") || lower.equals("true") || lower.equals("yes");
    }
}
