package org.flannel.reference.cli;

/**
 * The kinds of flag flanneld defines, each converting its text as the Go {@code flag.Value} behind it
 * does ({@code flag.StringVar}, {@code IntVar}, {@code BoolVar}, Flannel's repeatable {@code flagSlice},
 * and the klog flags flanneld copies: {@code v}, {@code vmodule}, {@code log_backtrace_at}).
 */
enum FlagType {
    STRING("string"),
    INT("int"),
    BOOL(""),
    REPEATABLE("value"),
    KLOG_LEVEL("value"),
    KLOG_VMODULE("value"),
    KLOG_TRACE_LOCATION("value");

    /** The type word Go's PrintDefaults shows after the flag name ("" for booleans). */
    final String usageTypeName;

    FlagType(String usageTypeName) {
        this.usageTypeName = usageTypeName;
    }

    /** A value Go's {@code flag.Value.Set} refuses; the message is the error Set returns. */
    static final class InvalidValue extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidValue(String message) {
            super(message, null, false, false);
        }
    }

    /** The converted value: String, Long, Boolean, or the text to append for a repeatable flag. */
    Object convert(String text) throws InvalidValue {
        try {
            return switch (this) {
                case STRING, REPEATABLE -> text;
                // flag's intValue maps strconv failures to its own short errors.
                case INT -> GoStrconv.parseInt(text, 0, 64);
                case BOOL -> GoStrconv.parseBool(text);
                case KLOG_LEVEL -> klogLevel(text);
                case KLOG_VMODULE -> klogVmodule(text);
                case KLOG_TRACE_LOCATION -> klogTraceLocation(text);
            };
        } catch (GoStrconv.NumberFailure e) {
            throw new InvalidValue(e.failure == GoStrconv.Failure.RANGE ? "value out of range" : "parse error");
        }
    }

    /** klog's {@code Level.Set} returns strconv's own error text. */
    private static Long klogLevel(String text) throws InvalidValue {
        try {
            return GoStrconv.parseInt(text, 10, 32);
        } catch (GoStrconv.NumberFailure e) {
            throw new InvalidValue("strconv.ParseInt: parsing \"" + text + "\": " + e.failure.text);
        }
    }

    /** klog's {@code moduleSpec.Set}: comma-separated {@code pattern=N}, empty parts skipped. */
    private static String klogVmodule(String text) throws InvalidValue {
        for (String part : text.split(",", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            String[] patternLevel = part.split("=", -1);
            if (patternLevel.length != 2 || patternLevel[0].isEmpty()) {
                throw new InvalidValue("syntax error: expect comma-separated list of filename=N");
            }
            long level;
            try {
                level = GoStrconv.parseInt(patternLevel[1], 10, 32);
            } catch (GoStrconv.NumberFailure e) {
                throw new InvalidValue("syntax error: expect comma-separated list of filename=N");
            }
            if (level < 0) {
                throw new InvalidValue("negative value for vmodule level");
            }
        }
        return text;
    }

    /** klog's {@code traceLocation.Set}: empty, or {@code file.go:N} with N > 0. */
    private static String klogTraceLocation(String text) throws InvalidValue {
        if (text.isEmpty()) {
            return text;
        }
        String[] fields = text.split(":", -1);
        if (fields.length != 2 || !fields[0].contains(".")) {
            throw new InvalidValue("syntax error: expect file.go:234");
        }
        long line;
        try {
            line = GoStrconv.parseInt(fields[1], 10, 64);
        } catch (GoStrconv.NumberFailure e) {
            throw new InvalidValue("syntax error: expect file.go:234");
        }
        if (line <= 0) {
            throw new InvalidValue("negative or zero value for level");
        }
        return text;
    }
}
