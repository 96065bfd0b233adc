package org.flannel.harness.contracts.html;

/**
 * Text made safe for HTML, in element content and in quoted attribute values alike: the conformance page
 * and the living documentation both put what a run captured (failure messages, field values) into HTML.
 */
public final class HtmlText {
    private HtmlText() {}

    /** {@code & < > " '} as {@code &amp; &lt; &gt; &quot; &#39;}; null as "". */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
