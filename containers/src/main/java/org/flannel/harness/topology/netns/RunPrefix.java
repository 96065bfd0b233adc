package org.flannel.harness.topology.netns;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.flannel.harness.topology.TopologyException;

/**
 * Chooses the run prefix: "fc" + 4 hex digits, or the configured one. Short so that link names
 * like "fc3a9f-p12" stay within the kernel's 15 characters.
 */
final class RunPrefix {
    private static final String FORMAT = "[a-z][a-z0-9]{1,7}";

    private RunPrefix() {}

    static String choose(NetnsSettings settings, Netns netns) {
        List<String> existing = netns.list();
        if (settings.runPrefix().isPresent()) {
            String prefix = settings.runPrefix().get();
            if (!prefix.matches(FORMAT)) {
                throw new TopologyException("flannel.run.prefix '" + prefix + "' must match " + FORMAT
                        + " (lower-case letter, then up to 7 lower-case letters or digits)");
            }
            if (isTaken(prefix, settings, existing)) {
                throw new TopologyException("run prefix '" + prefix + "' is in use (a ledger " + Ledger.fileFor(
                        settings.ledgerDir(), prefix) + " or namespaces " + prefix + "-* exist); choose another "
                        + "flannel.run.prefix or remove what is left");
            }
            return prefix;
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            String prefix = String.format("fc%04x", ThreadLocalRandom.current().nextInt(0x10000));
            if (!isTaken(prefix, settings, existing)) {
                return prefix;
            }
        }
        throw new TopologyException("no free run prefix after 100 tries; too many namespaces named fc*-* exist");
    }

    private static boolean isTaken(String prefix, NetnsSettings settings, List<String> existingNamespaces) {
        return Files.exists(Ledger.fileFor(settings.ledgerDir(), prefix))
                || existingNamespaces.stream().anyMatch(ns -> ns.startsWith(prefix + "-"));
    }
}
