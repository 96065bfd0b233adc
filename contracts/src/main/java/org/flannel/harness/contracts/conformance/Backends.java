package org.flannel.harness.contracts.conformance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Flannel's backends as the features tag them ({@code @vxlan}, {@code @udp}, {@code @host-gw}), and the
 * ones the implementation under test declares it has: {@code -Dflannel.backends=vxlan,host-gw}
 * (default: all). A scenario applies only if every backend it is tagged with is declared.
 */
public final class Backends {
    public static final String PROPERTY = "flannel.backends";
    /** In the order reports list them. */
    public static final List<String> KNOWN = List.of("vxlan", "udp", "host-gw");
    /**
     * How the reason a scenario does not apply begins: the applicability hook aborts the scenario with it, so
     * the message stream says it too (a scenario skipped for another reason is "skipped", not "n/a").
     */
    public static final String NOT_APPLICABLE = "not applicable: ";

    private Backends() {}

    /** Every backend: what an implementation declares when it names none. */
    public static Set<String> all() {
        return new LinkedHashSet<>(KNOWN);
    }

    /**
     * Parses a comma-separated list of backend names.
     *
     * @throws IllegalArgumentException naming what is wrong and the valid names
     */
    public static Set<String> parse(String value) {
        Set<String> declared = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : value.split("[,\\s]+")) {
            String backend = name.strip().toLowerCase(Locale.ROOT);
            if (backend.isEmpty()) {
                continue;
            }
            if (KNOWN.contains(backend)) {
                declared.add(backend);
            } else {
                unknown.add(name.strip());
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + value + ": unknown backend"
                    + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown) + "; the valid ones are "
                    + String.join(", ", KNOWN));
        }
        if (declared.isEmpty()) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + value
                    + " declares no backend; name one or more of " + String.join(", ", KNOWN) + ", comma-separated");
        }
        return sorted(declared);
    }

    /** The backends a scenario is tagged with (its tags as Cucumber gives them, with or without '@'). */
    public static Set<String> of(Collection<String> tags) {
        Set<String> backends = new LinkedHashSet<>();
        for (String tag : tags) {
            String name = tag.startsWith("@") ? tag.substring(1) : tag;
            if (KNOWN.contains(name)) {
                backends.add(name);
            }
        }
        return sorted(backends);
    }

    /**
     * Why a scenario with these tags does not apply to the declared backends, e.g. "not applicable: needs
     * backend udp; declared: vxlan"; empty if it applies.
     */
    public static Optional<String> notApplicable(Collection<String> tags, Set<String> declared) {
        List<String> missing =
                of(tags).stream().filter(backend -> !declared.contains(backend)).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(NOT_APPLICABLE + "needs backend" + (missing.size() > 1 ? "s " : " ")
                + String.join(", ", missing) + "; declared: " + String.join(", ", sorted(declared))
                + " (-D" + PROPERTY + ")");
    }

    /** Whether a skipped scenario's message is the reason {@link #notApplicable} gives. */
    public static boolean saysNotApplicable(String message) {
        return message != null && message.startsWith(NOT_APPLICABLE);
    }

    private static Set<String> sorted(Set<String> backends) {
        Set<String> ordered = new LinkedHashSet<>();
        KNOWN.stream().filter(backends::contains).forEach(ordered::add);
        return ordered;
    }
}
