package org.flannel.harness.reports.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** File names and anchors made from names: lower case, ASCII letters, digits and dashes. */
public final class Slugs {
    private static final int MAX = 80;

    private Slugs() {}

    public static String of(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX) {
            slug = slug.substring(0, MAX).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "x" : slug;
    }

    /** {@code slug}, or {@code slug-2}, {@code slug-3} ... when taken; remembers the one returned. */
    public static String unique(String slug, Set<String> taken) {
        String candidate = slug;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = slug + "-" + i;
        }
        return candidate;
    }
}
