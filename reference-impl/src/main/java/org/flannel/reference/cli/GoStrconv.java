package org.flannel.reference.cli;

import java.math.BigInteger;

/**
 * The number and boolean parsing Go's {@code flag} package relies on ({@code strconv.ParseInt},
 * {@code strconv.ParseBool}), so that a value flanneld accepts (e.g. {@code 0x1f}, {@code 1_000},
 * {@code T}) is accepted here and one it refuses (e.g. {@code 08}, {@code yes}) is refused.
 */
final class GoStrconv {

    private GoStrconv() {}

    /** Why a text is not a number, named as Go's {@code strconv} errors are. */
    enum Failure {
        SYNTAX("invalid syntax"),
        RANGE("value out of range");

        final String text;

        Failure(String text) {
            this.text = text;
        }
    }

    static final class NumberFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final Failure failure;

        NumberFailure(Failure failure) {
            super(failure.text, null, false, false);
            this.failure = failure;
        }
    }

    /** {@code strconv.ParseBool}. */
    static boolean parseBool(String s) throws NumberFailure {
        switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> {
                return true;
            }
            case "0", "f", "F", "FALSE", "false", "False" -> {
                return false;
            }
            default -> throw new NumberFailure(Failure.SYNTAX);
        }
    }

    /**
     * {@code strconv.ParseInt(s, base, bits)}; base 0 reads Go literal prefixes (0b, 0o, 0x, a leading 0
     * for octal) and allows underscores between digits.
     */
    static long parseInt(String s, int base, int bits) throws NumberFailure {
        if (s.isEmpty()) {
            throw new NumberFailure(Failure.SYNTAX);
        }
        boolean negative = false;
        String digits = s;
        if (digits.charAt(0) == '+' || digits.charAt(0) == '-') {
            negative = digits.charAt(0) == '-';
            digits = digits.substring(1);
        }
        BigInteger magnitude = parseUnsigned(digits, base);
        BigInteger value = negative ? magnitude.negate() : magnitude;
        BigInteger max = BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
        BigInteger min = BigInteger.ONE.shiftLeft(bits - 1).negate();
        if (value.compareTo(max) > 0 || value.compareTo(min) < 0) {
            throw new NumberFailure(Failure.RANGE);
        }
        return value.longValueExact();
    }

    private static BigInteger parseUnsigned(String s0, int base) throws NumberFailure {
        if (s0.isEmpty()) {
            throw new NumberFailure(Failure.SYNTAX);
        }
        String s = s0;
        boolean literal = base == 0;
        if (literal) {
            base = 10;
            if (s.charAt(0) == '0') {
                char prefix = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
                if (prefix == 'b' || prefix == 'o' || prefix == 'x') {
                    base = prefix == 'b' ? 2 : prefix == 'o' ? 8 : 16;
                    s = s.substring(2);
                } else {
                    base = 8;
                    s = s.substring(1);
                }
            }
        }
        BigInteger n = BigInteger.ZERO;
        BigInteger radix = BigInteger.valueOf(base);
        boolean underscores = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_' && literal) {
                underscores = true;
                continue;
            }
            int d = digitValue(c);
            if (d < 0 || d >= base) {
                throw new NumberFailure(Failure.SYNTAX);
            }
            n = n.multiply(radix).add(BigInteger.valueOf(d));
            if (n.bitLength() > 64) { // Go reports the overflow at once, whatever follows
                throw new NumberFailure(Failure.RANGE);
            }
        }
        if (underscores && !underscoresBetweenDigits(s0)) {
            throw new NumberFailure(Failure.SYNTAX);
        }
        return n;
    }

    private static int digitValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = Character.toLowerCase(c);
        if (lower >= 'a' && lower <= 'z') {
            return lower - 'a' + 10;
        }
        return -1;
    }

    /** Go's {@code underscoreOK}: an underscore only between digits, or between a base prefix and a digit. */
    private static boolean underscoresBetweenDigits(String s) {
        char saw = '^';
        int i = 0;
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char prefix = Character.toLowerCase(s.charAt(1));
            if (prefix == 'b' || prefix == 'o' || prefix == 'x') {
                i = 2;
                saw = '0';
                hex = prefix == 'x';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char lower = Character.toLowerCase(c);
            if ((c >= '0' && c <= '9') || (hex && lower >= 'a' && lower <= 'f')) {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }
}
