package org.flannel.harness.topology;

import java.util.List;

/** A {@link TopologySpec} that cannot be built; lists every problem found, one per line. */
public class TopologySpecException extends IllegalArgumentException {
    private final List<String> problems;

    public TopologySpecException(List<String> problems) {
        super("invalid topology:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
