package org.flannel.harness.topology.netns;

import static org.assertj.core.api.Assertions.assertThat;

import org.flannel.harness.topology.TimingContract;
import org.flannel.harness.topology.TopologyDriver;

/** Target: well under 2 s for each create and destroy. */
class TopologyTimingIT extends TimingContract {
    @Override
    protected TopologyDriver driver() {
        return new NetnsDriver();
    }

    @Override
    protected int runs() {
        return 5;
    }

    @Override
    protected void assertGone(String runId) throws Exception {
        assertThat(OsProcesses.namespacesStartingWith(runId + "-")).isEmpty();
    }
}
