package org.flannel.harness.topology.netns;

import static org.assertj.core.api.Assertions.assertThat;

import org.flannel.harness.topology.Specs;
import org.flannel.harness.topology.TimingContract;
import org.flannel.harness.topology.TopologyDriver;
import org.junit.jupiter.api.Test;

/** Target: well under 2 s for each create and destroy; a 50-node topology (the scale features' size) under 15 s. */
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

    @Test
    void printFiftyNodeCreateAndDestroyTimes() throws Exception {
        time("50 nodes on one underlay + etcd", Specs.nodesOnOneUnderlay(50));
    }
}
