package org.flannel.harness.topology.docker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels every container and network of a run carries. Only what has {@link #RUN} is ever
 * removed by a sweep, and only when its {@link #OWNER} is gone.
 */
final class Labels {
    static final String RUN = "org.flannel.conformance.run";
    static final String OWNER = "org.flannel.conformance.owner";
    static final String ROLE = "org.flannel.conformance.role";
    static final String WORK_DIR = "org.flannel.conformance.workdir";

    private Labels() {}

    static Map<String, String> of(String prefix, Owner owner, String role, String workDir) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(RUN, prefix);
        labels.put(OWNER, owner.label());
        labels.put(ROLE, role);
        labels.put(WORK_DIR, workDir);
        return labels;
    }
}
