package org.flannel.reference.subnet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a dotenv file the way Flannel reads its own subnet file back ({@code godotenv.Read} in
 * {@code main.go}): {@code KEY=value} or {@code KEY: value} lines, optional {@code export }, blank lines
 * and {@code #} comments ignored, single- or double-quoted values, an unquoted value ending at
 * {@code " #"}. A line that is none of these makes the whole file unreadable (godotenv returns an
 * error and Flannel then uses no previous subnet). Variable expansion is not done: subnet.env has none.
 */
final class EnvFileReader {

    private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{N}_.]+");

    private EnvFileReader() {}

    /** The variables of the file, later lines winning; empty when any line cannot be parsed. */
    static Optional<Map<String, String>> parse(String content) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String rawLine : content.split("\r?\n", -1)) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).stripLeading();
            }
            int separator = firstSeparator(line);
            if (separator <= 0) {
                return Optional.empty();
            }
            String key = line.substring(0, separator).strip();
            if (!KEY.matcher(key).matches()) {
                return Optional.empty();
            }
            Optional<String> value = value(line.substring(separator + 1).strip());
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.put(key, value.get());
        }
        return Optional.of(values);
    }

    private static int firstSeparator(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }

    private static Optional<String> value(String text) {
        if (text.startsWith("'") || text.startsWith("\"")) {
            char quote = text.charAt(0);
            int end = text.indexOf(quote, 1);
            while (quote == '"' && end > 0 && text.charAt(end - 1) == '\\') {
                end = text.indexOf(quote, end + 1);
            }
            if (end < 0) {
                return Optional.empty();
            }
            String inner = text.substring(1, end);
            return Optional.of(quote == '"' ? unescapeDoubleQuoted(inner) : inner);
        }
        int comment = text.indexOf(" #");
        String bare = comment >= 0 ? text.substring(0, comment) : text;
        return Optional.of(bare.strip());
    }

    private static String unescapeDoubleQuoted(String inner) {
        return inner.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
