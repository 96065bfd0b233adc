package org.flannel.reference.subnet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The first syntax error in a JSON text, worded as Go's {@code encoding/json} words it, e.g.
 * "invalid character 'h' in literal true (expecting 'r')" or "unexpected end of JSON input": what
 * Flannel logs for a network config that is not JSON ({@code Couldn't fetch network config: <error>}).
 * Go checks the whole text before decoding anything, byte by byte; so does this, over the UTF-8 bytes.
 */
final class GoJsonSyntax {

    /** What the scanner expects next; a JSON text is read by feeding it one byte at a time. */
    private enum State {
        BEGIN_VALUE,
        BEGIN_VALUE_OR_EMPTY,
        BEGIN_STRING_OR_EMPTY,
        BEGIN_STRING,
        END_VALUE,
        END_TOP,
        IN_STRING,
        IN_STRING_ESC,
        IN_STRING_ESC_U,
        IN_STRING_ESC_U1,
        IN_STRING_ESC_U12,
        IN_STRING_ESC_U123,
        NEG,
        ONE,
        ZERO,
        DOT,
        DOT0,
        E,
        E_SIGN,
        E0,
        LITERAL
    }

    /** Where a value sits: under an object key, as an object's value, or in an array. */
    private enum Container {
        OBJECT_KEY,
        OBJECT_VALUE,
        ARRAY_VALUE
    }

    private final Deque<Container> stack = new ArrayDeque<>();
    private State state = State.BEGIN_VALUE;
    private String literal; // true, false or null, while one is being read
    private int literalIndex;
    private String error;

    private GoJsonSyntax() {}

    /** Go's syntax error for {@code text}, or empty when it is one valid JSON value. */
    static Optional<String> firstError(String text) {
        GoJsonSyntax scanner = new GoJsonSyntax();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            if (!scanner.step(b & 0xFF)) {
                return Optional.of(scanner.error);
            }
        }
        return scanner.endOfInput();
    }

    /** Go feeds a space at the end: a value that can end there ends; one that cannot is unexpected. */
    private Optional<String> endOfInput() {
        if (state == State.END_TOP) {
            return Optional.empty();
        }
        if (!step(' ')) {
            return Optional.of(error);
        }
        return state == State.END_TOP ? Optional.empty() : Optional.of("unexpected end of JSON input");
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private boolean step(int c) {
        return switch (state) {
            case BEGIN_VALUE_OR_EMPTY -> {
                if (isSpace(c)) {
                    yield true;
                }
                if (c == ']') {
                    yield endValue(c);
                }
                yield beginValue(c);
            }
            case BEGIN_VALUE -> beginValue(c);
            case BEGIN_STRING_OR_EMPTY -> {
                if (isSpace(c)) {
                    yield true;
                }
                if (c == '}') {
                    stack.pop();
                    stack.push(Container.OBJECT_VALUE);
                    yield endValue(c);
                }
                yield beginString(c);
            }
            case BEGIN_STRING -> beginString(c);
            case END_VALUE -> endValue(c);
            case END_TOP -> isSpace(c) || fail(c, "after top-level value");
            case IN_STRING -> {
                if (c == '"') {
                    state = State.END_VALUE;
                } else if (c == '\\') {
                    state = State.IN_STRING_ESC;
                } else if (c < 0x20) {
                    yield fail(c, "in string literal");
                }
                yield true;
            }
            case IN_STRING_ESC -> {
                if ("bfnrt\\/\"".indexOf(c) >= 0) {
                    state = State.IN_STRING;
                    yield true;
                }
                if (c == 'u') {
                    state = State.IN_STRING_ESC_U;
                    yield true;
                }
                yield fail(c, "in string escape code");
            }
            case IN_STRING_ESC_U, IN_STRING_ESC_U1, IN_STRING_ESC_U12, IN_STRING_ESC_U123 -> {
                if (!isHex(c)) {
                    yield fail(c, "in \\u hexadecimal character escape");
                }
                state = switch (state) {
                    case IN_STRING_ESC_U -> State.IN_STRING_ESC_U1;
                    case IN_STRING_ESC_U1 -> State.IN_STRING_ESC_U12;
                    case IN_STRING_ESC_U12 -> State.IN_STRING_ESC_U123;
                    default -> State.IN_STRING;
                };
                yield true;
            }
            case NEG -> {
                if (c == '0') {
                    state = State.ZERO;
                    yield true;
                }
                if (c >= '1' && c <= '9') {
                    state = State.ONE;
                    yield true;
                }
                yield fail(c, "in numeric literal");
            }
            case ONE -> isDigit(c) || afterInteger(c);
            case ZERO -> afterInteger(c);
            case DOT -> {
                if (isDigit(c)) {
                    state = State.DOT0;
                    yield true;
                }
                yield fail(c, "after decimal point in numeric literal");
            }
            case DOT0 -> {
                if (isDigit(c)) {
                    yield true;
                }
                if (c == 'e' || c == 'E') {
                    state = State.E;
                    yield true;
                }
                yield endValue(c);
            }
            case E -> {
                if (c == '+' || c == '-') {
                    state = State.E_SIGN;
                    yield true;
                }
                yield exponentDigit(c);
            }
            case E_SIGN -> exponentDigit(c);
            case E0 -> isDigit(c) || endValue(c);
            case LITERAL -> {
                char expected = literal.charAt(literalIndex);
                if (c != expected) {
                    yield fail(c, "in literal " + literal + " (expecting " + quote(expected) + ")");
                }
                if (++literalIndex == literal.length()) {
                    state = State.END_VALUE;
                }
                yield true;
            }
        };
    }

    private boolean beginValue(int c) {
        if (isSpace(c)) {
            return true;
        }
        switch (c) {
            case '{' -> {
                stack.push(Container.OBJECT_KEY);
                state = State.BEGIN_STRING_OR_EMPTY;
            }
            case '[' -> {
                stack.push(Container.ARRAY_VALUE);
                state = State.BEGIN_VALUE_OR_EMPTY;
            }
            case '"' -> state = State.IN_STRING;
            case '-' -> state = State.NEG;
            case '0' -> state = State.ZERO;
            case 't' -> beginLiteral("true");
            case 'f' -> beginLiteral("false");
            case 'n' -> beginLiteral("null");
            default -> {
                if (c >= '1' && c <= '9') {
                    state = State.ONE;
                } else {
                    return fail(c, "looking for beginning of value");
                }
            }
        }
        return true;
    }

    private void beginLiteral(String word) {
        literal = word;
        literalIndex = 1;
        state = State.LITERAL;
    }

    private boolean beginString(int c) {
        if (isSpace(c)) {
            return true;
        }
        if (c == '"') {
            state = State.IN_STRING;
            return true;
        }
        return fail(c, "looking for beginning of object key string");
    }

    private boolean afterInteger(int c) {
        if (c == '.') {
            state = State.DOT;
            return true;
        }
        if (c == 'e' || c == 'E') {
            state = State.E;
            return true;
        }
        return endValue(c);
    }

    private boolean exponentDigit(int c) {
        if (isDigit(c)) {
            state = State.E0;
            return true;
        }
        return fail(c, "in exponent of numeric literal");
    }

    /** A value just ended (its last byte was read, or {@code c} is the first after it). */
    private boolean endValue(int c) {
        if (stack.isEmpty()) {
            state = State.END_TOP;
            return step(c);
        }
        state = State.END_VALUE;
        if (isSpace(c)) {
            return true;
        }
        switch (stack.peek()) {
            case OBJECT_KEY -> {
                if (c == ':') {
                    stack.pop();
                    stack.push(Container.OBJECT_VALUE);
                    state = State.BEGIN_VALUE;
                    return true;
                }
                return fail(c, "after object key");
            }
            case OBJECT_VALUE -> {
                if (c == ',') {
                    stack.pop();
                    stack.push(Container.OBJECT_KEY);
                    state = State.BEGIN_STRING;
                    return true;
                }
                if (c == '}') {
                    stack.pop();
                    return closed();
                }
                return fail(c, "after object key:value pair");
            }
            default -> {
                if (c == ',') {
                    state = State.BEGIN_VALUE;
                    return true;
                }
                if (c == ']') {
                    stack.pop();
                    return closed();
                }
                return fail(c, "after array element");
            }
        }
    }

    /** An object or array just closed: it is a value that ended, in whatever holds it. */
    private boolean closed() {
        state = stack.isEmpty() ? State.END_TOP : State.END_VALUE;
        return true;
    }

    private boolean fail(int c, String context) {
        error = "invalid character " + quote(c) + " " + context;
        return false;
    }

    /** Go's quoteChar: the byte as a one-character Go string literal, in single quotes. */
    static String quote(int c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        return "'" + goEscaped(c) + "'";
    }

    /** How strconv.Quote writes the rune U+00cc (Go turns the byte into that rune). */
    private static String goEscaped(int c) {
        switch (c) {
            case 0x07:
                return "\\a";
            case 0x08:
                return "\\b";
            case 0x0C:
                return "\\f";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case 0x0B:
                return "\\v";
            case '\\':
                return "\\\\";
            default:
                break;
        }
        if (c < 0x20 || c == 0x7F) {
            return String.format("\\x%02x", c);
        }
        if ((c >= 0x80 && c <= 0xA0) || c == 0xAD) { // not printable for Go
            return String.format("\\u%04x", c);
        }
        return String.valueOf((char) c);
    }
}
