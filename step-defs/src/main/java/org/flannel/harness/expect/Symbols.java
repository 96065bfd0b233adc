package org.flannel.harness.expect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Topology names a table may use as expected values ({@code node2.eth0.mac}, {@code node2.vtep.mac},
 * {@code lease(10.1.16.0/24).VtepMAC}); the caller knows their values, the matcher only asks.
 */
public interface Symbols {

    /** The value of a name, or empty when this source does not know it. */
    Optional<String> lookup(String name);

    /** Names this source knows, for the error message when a table uses another one; may be empty. */
    default Set<String> names() {
        return Set.of();
    }

    /** The value of a name; an unknown name is an error that lists the known ones. */
    default String resolve(String name) {
        return lookup(name).orElseThrow(() -> new UnknownSymbolException(name, names()));
    }

    /** This source, then {@code fallback} for names this one does not know. */
    default Symbols orElse(Symbols fallback) {
        Symbols first = this;
        return new Symbols() {
            @Override
            public Optional<String> lookup(String name) {
                Optional<String> value = first.lookup(name);
                return value.isPresent() ? value : fallback.lookup(name);
            }

            @Override
            public Set<String> names() {
                Set<String> all = new TreeSet<>(first.names());
                all.addAll(fallback.names());
                return all;
            }
        };
    }

    static Symbols of(Map<String, String> values) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        return new Symbols() {
            @Override
            public Optional<String> lookup(String name) {
                return Optional.ofNullable(copy.get(name));
            }

            @Override
            public Set<String> names() {
                return new TreeSet<>(copy.keySet());
            }
        };
    }

    static Symbols none() {
        return of(Map.of());
    }
}
