package org.flannel.harness.steps;

import io.cucumber.java.en.Given;

/** Pods attached to their node's docker0 from the node's subnet file, as Docker does it. */
public final class ContainerSteps {
    private final ScenarioWorld world;

    public ContainerSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("{word} runs on {word} at {word} and {word} on {word} at {word}")
    public void containersRunOn(
            String container1, String node1, String address1, String container2, String node2, String address2) {
        attach(container1, node1, address1);
        attach(container2, node2, address2);
    }

    @Given("{word} runs on {word} at {word}")
    public void containerRunsOn(String container, String node, String address) {
        attach(container, node, address);
    }

    private void attach(String container, String node, String address) {
        world.topology().addContainer(container, node, world.agent(node).subnetFile(), address);
    }
}
