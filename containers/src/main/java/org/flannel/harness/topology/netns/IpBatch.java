package org.flannel.harness.topology.netns;

import java.util.ArrayList;
import java.util.List;
import org.flannel.harness.topology.ExecResult;
import org.flannel.harness.topology.TopologyException;

/** A list of iproute2 commands run by one `ip -n NS -batch -` process: one fork for many changes. */
final class IpBatch {
    private final String namespace;
    private final String purpose;
    private final List<String> lines = new ArrayList<>();

    /** @param purpose what this batch does, for the error message */
    IpBatch(String namespace, String purpose) {
        this.namespace = namespace;
        this.purpose = purpose;
    }

    IpBatch add(String line) {
        lines.add(line);
        return this;
    }

    IpBatch addAll(List<String> more) {
        lines.addAll(more);
        return this;
    }

    void run(ProcessRunner runner) {
        if (lines.isEmpty()) {
            return;
        }
        ExecResult result = runner.ip(List.of("-n", namespace, "-batch", "-"), String.join("\n", lines) + "\n");
        if (!result.succeeded()) {
            throw new TopologyException(purpose + " failed in namespace " + namespace + ": "
                    + result.stderr().strip() + "\n  ip batch was:\n    " + String.join("\n    ", lines));
        }
    }
}
