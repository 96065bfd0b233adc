package org.flannel.harness.topology.netns;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the netns driver keeps its ledgers and work directories, read from system properties:
 * {@code flannel.run.prefix} (fixed run prefix, default random "fc" + 4 hex digits),
 * {@code flannel.ledger.dir} (default /run/flannel-conformance),
 * {@code flannel.work.dir} (parent of per-run work dirs, default $TMPDIR/flannel-conformance),
 * {@code flannel.keep.workdir} (true: keep logs, captures and etcd data after close).
 */
public record NetnsSettings(Path ledgerDir, Path workRoot, Optional<String> runPrefix, boolean keepWorkDir) {
    public static NetnsSettings fromSystemProperties() {
        String prefix = System.getProperty("flannel.run.prefix", "").trim();
        return new NetnsSettings(
                Path.of(System.getProperty("flannel.ledger.dir", "/run/flannel-conformance")),
                Path.of(System.getProperty("flannel.work.dir",
                        Path.of(System.getProperty("java.io.tmpdir"), "flannel-conformance").toString())),
                prefix.isEmpty() ? Optional.empty() : Optional.of(prefix),
                Boolean.getBoolean("flannel.keep.workdir"));
    }

    public NetnsSettings withRunPrefix(String prefix) {
        return new NetnsSettings(ledgerDir, workRoot, Optional.of(prefix), keepWorkDir);
    }
}
