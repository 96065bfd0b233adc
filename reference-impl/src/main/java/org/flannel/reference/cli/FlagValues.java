package org.flannel.reference.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The current value of every flanneld flag, starting from the defaults, and which flags were set
 * (Go's {@code FlagSet.Visit} set, which decides where the environment may still apply).
 */
final class FlagValues {

    private final Map<String, Object> values = new HashMap<>();
    private final Set<String> set = new HashSet<>();

    FlagValues() {
        for (FlagSpec spec : FlanneldFlags.ALL) {
            if (spec.type() == FlagType.REPEATABLE) {
                values.put(spec.name(), new ArrayList<String>());
            } else {
                try {
                    values.put(spec.name(), spec.type().convert(spec.defaultText()));
                } catch (FlagType.InvalidValue e) {
                    throw new IllegalStateException("bad default for -" + spec.name(), e);
                }
            }
        }
    }

    /** Go's {@code flag.Value.Set}: a repeatable flag appends, any other replaces. */
    void set(FlagSpec spec, String text) throws FlagType.InvalidValue {
        Object value = spec.type().convert(text);
        if (spec.type() == FlagType.REPEATABLE) {
            list(spec.name()).add((String) value);
        } else {
            values.put(spec.name(), value);
        }
        set.add(spec.name());
    }

    boolean isSet(String name) {
        return set.contains(name);
    }

    Set<String> setNames() {
        return Set.copyOf(set);
    }

    String string(String name) {
        return (String) values.get(name);
    }

    long number(String name) {
        return (Long) values.get(name);
    }

    boolean bool(String name) {
        return (Boolean) values.get(name);
    }

    @SuppressWarnings("unchecked")
    List<String> list(String name) {
        return (List<String>) values.get(name);
    }
}
