package org.flannel.harness.steps;

import io.cucumber.java.After;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flannel.harness.impl.Agent;

/**
 * After every scenario, before its evidence is gathered: each agent the scenario did not stop (and
 * did not give a reason to exit, such as deleting its lease) must still be running. An agent that dies
 * once ready leaves its kernel state behind, so every static check would still pass without this.
 */
public final class LivenessHook {
    /** Log lines shown with a dead agent; its whole log is attached to the scenario anyway. */
    static final int LOG_TAIL_LINES = 15;

    private final ScenarioWorld world;

    public LivenessHook(ScenarioWorld world) {
        this.world = world;
    }

    /** Higher order runs first among After hooks: this one before the evidence hook (order 0). */
    @After(order = 100)
    public void everyAgentNotStoppedIsStillRunning() {
        List<String> dead = new ArrayList<>();
        for (Map.Entry<String, Agent> entry : world.agents().entrySet()) {
            Agent agent = entry.getValue();
            if (world.mayExit(entry.getKey()) || agent.process().isAlive()) {
                continue;
            }
            String status =
                    agent.process().waitFor(Duration.ZERO).map(String::valueOf).orElse("unknown");
            dead.add("flanneld on " + entry.getKey() + agent.roleSuffix() + " exited with status " + status
                    + " during the scenario, though nothing stopped it. The last lines of its log:\n"
                    + LogLines.tail(agent.process().logs(), LOG_TAIL_LINES));
        }
        if (!dead.isEmpty()) {
            throw new AssertionError("an agent died after it was ready:\n" + String.join("\n", dead));
        }
    }
}
