package org.flannel.harness.features;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One implementation the self-test runs the features against: the shell flanneld, or one of its broken
 * variants. {@code backends} are the backends it declares (the others' scenarios are n/a, which keeps a
 * variant's run to what its fault can touch); {@code failures} are exactly the requirements it must
 * fail; {@code named} says, for some of them, what the failure's message must name: the field or the
 * table row that differs, so that a generic failure (a timeout, a ping) cannot stand in for the fault.
 * {@code tags} (null: none) narrows a run further: a fault of the steady state skips the fault scenarios
 * ({@link SelfTestVariants#STEADY_STATE}), a fault over time runs only the fault scenarios it touches, and a fault
 * that makes every scenario wait out a limit (an agent that never becomes ready) only its own; the comments in
 * {@link SelfTestVariants} say why. A filter that runs some of an outline's examples but not others must pick
 * them by backend tag, so that what runs is what the variant declares.
 */
record SelfTestVariant(
        String name, Set<String> backends, String tags, Set<String> failures, Map<String, String> named) {
    static final Set<String> ALL_BACKENDS = Set.of("vxlan", "udp", "host-gw");

    SelfTestVariant {
        backends = Set.copyOf(backends);
        failures = Set.copyOf(new TreeSet<>(failures));
        named = Map.copyOf(new TreeMap<>(named));
        if (!failures.containsAll(named.keySet())) {
            throw new IllegalArgumentException(name + ": names a message for a requirement it does not fail");
        }
    }

    /** The correct implementation: every backend, no failure. */
    static SelfTestVariant correct(String name) {
        return new SelfTestVariant(name, ALL_BACKENDS, null, Set.of(), Map.of());
    }

    /** A broken variant under impls/broken/NAME. */
    static Builder broken(String fault, String... backends) {
        return new Builder("broken/" + fault, Set.of(backends));
    }

    /** The executable, relative to the impls directory. */
    String executable() {
        return name + "/flanneld";
    }

    /** The directory its conformance report goes to: self-test/shell-flanneld, self-test/wrong-port, ... */
    String reportName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return reportName();
    }

    static final class Builder {
        private final String name;
        private final Set<String> backends;
        private final Set<String> failures = new TreeSet<>();
        private final Map<String, String> named = new TreeMap<>();
        private String tags;

        private Builder(String name, Set<String> backends) {
            this.name = name;
            this.backends = backends;
        }

        /** Requirements it fails, whatever their messages say. */
        Builder fails(String... ids) {
            failures.addAll(Set.of(ids));
            return this;
        }

        /** A requirement it fails with a message that names {@code what} (a field, an attribute, a row). */
        Builder failsNaming(String id, String what) {
            failures.add(id);
            named.put(id, what);
            return this;
        }

        /** Only these scenarios (a Cucumber tag expression); see the class comment for when. */
        Builder onlyTagged(String expression) {
            tags = expression;
            return this;
        }

        SelfTestVariant build() {
            if (named.isEmpty()) {
                throw new IllegalStateException(name + ": say for at least one requirement what its failure names");
            }
            return new SelfTestVariant(name, backends, tags, failures, named);
        }
    }
}
