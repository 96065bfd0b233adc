package org.flannel.harness.topology.support;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import org.flannel.harness.topology.TopologyException;

/**
 * Chooses a run's prefix: the configured one ({@code flannel.run.prefix}), or "fc" + 4 random hex
 * digits; never one the driver already holds something under. Short, so that names made from it
 * (links like "fc3a9f-p12", bridges like "fc3a9f-s0") stay within the kernel's 15 characters.
 */
public final class RunPrefix {
    static final String FORMAT = "[a-z][a-z0-9]{1,7}";
    private static final int TRIES = 100;

    private RunPrefix() {}

    /**
     * @param taken whether the driver already holds something under a prefix
     * @param whatHoldsIt what that is, for the message when the configured prefix is taken
     */
    public static String choose(
            Optional<String> configured, Predicate<String> taken, Function<String, String> whatHoldsIt) {
        if (configured.isPresent()) {
            String prefix = configured.get();
            if (!prefix.matches(FORMAT)) {
                throw new TopologyException("flannel.run.prefix '" + prefix + "' must match " + FORMAT
                        + " (lower-case letter, then up to 7 lower-case letters or digits)");
            }
            if (taken.test(prefix)) {
                throw new TopologyException("run prefix '" + prefix + "' is in use (" + whatHoldsIt.apply(prefix)
                        + "); choose another flannel.run.prefix or remove what is left");
            }
            return prefix;
        }
        for (int attempt = 0; attempt < TRIES; attempt++) {
            String prefix = String.format("fc%04x", ThreadLocalRandom.current().nextInt(0x10000));
            if (!taken.test(prefix)) {
                return prefix;
            }
        }
        throw new TopologyException("no free run prefix after " + TRIES + " tries: too many runs named fc* are left");
    }
}
