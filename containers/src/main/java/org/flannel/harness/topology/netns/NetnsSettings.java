package org.flannel.harness.topology.netns;

import java.nio.file.Path;
import java.util.Optional;
import org.flannel.harness.topology.TopologySettings;

/**
 * Where the netns driver keeps its ledgers and work directories: the ledger directory, the parent of per-run
 * work dirs, a fixed run prefix if any (default random "fc" + 4 hex digits), and whether work dirs stay after
 * close. The properties that set them are listed in {@link TopologySettings}.
 */
public record NetnsSettings(Path ledgerDir, Path workRoot, Optional<String> runPrefix, boolean keepWorkDir) {
    public static NetnsSettings of(TopologySettings settings) {
        return new NetnsSettings(
                settings.ledgerDir(), settings.workRoot(), settings.runPrefix(), settings.keepWorkDir());
    }

    /** For tools and tests that build a topology on their own. */
    public static NetnsSettings fromSystemProperties() {
        return of(TopologySettings.fromSystemProperties());
    }

    public NetnsSettings withRunPrefix(String prefix) {
        return new NetnsSettings(ledgerDir, workRoot, Optional.of(prefix), keepWorkDir);
    }
}
