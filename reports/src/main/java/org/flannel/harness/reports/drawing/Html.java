package org.flannel.harness.reports.drawing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flannel.harness.contracts.evidence.CheckVerdict;
import org.flannel.harness.contracts.html.HtmlText;
import org.flannel.harness.reports.model.Status;

/** Escaping, and the little Markdown the seed and the features use inline: `code`, **bold**, *emphasis*. */
public final class Html {
    private static final Pattern INLINE = Pattern.compile("`([^`]+)`|\\*\\*([^*]+)\\*\\*|\\*([^*]+)\\*");

    private Html() {}

    /** The one escape of the harness (contracts' HtmlText), under the short name every page writer uses. */
    public static String esc(String text) {
        return HtmlText.escape(text);
    }

    /** Escapes, then renders inline Markdown. */
    public static String inline(String text) {
        Matcher m = INLINE.matcher(text == null ? "" : text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(esc(text.substring(last, m.start())));
            if (m.group(1) != null) {
                out.append("<code>").append(esc(m.group(1))).append("</code>");
            } else if (m.group(2) != null) {
                out.append("<strong>").append(esc(m.group(2))).append("</strong>");
            } else {
                out.append("<em>").append(esc(m.group(3))).append("</em>");
            }
            last = m.end();
        }
        out.append(esc(text == null ? "" : text.substring(last)));
        return out.toString();
    }

    /** A verdict badge: ✓ passed, ✗ failed, ... */
    public static String badge(Status status) {
        String mark =
                switch (status) {
                    case PASSED -> "✓";
                    case FAILED -> "✗";
                    case NOT_RUN -> "–";
                    default -> "!";
                };
        return "<span class=\"badge " + status.cssClass() + "\">" + mark + " " + status.word() + "</span>";
    }

    /** A check's verdict as a badge. */
    public static String badge(CheckVerdict verdict) {
        return badge(Status.of(verdict));
    }

    /** A verdict for a field: passed, failed, unverifiable or unchecked. */
    public static String mark(String verdict) {
        return switch (verdict) {
            case "passed" -> "✓";
            case "failed" -> "✗";
            case "unverifiable" -> "?";
            default -> "·";
        };
    }
}
