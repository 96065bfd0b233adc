package org.flannel.harness.steps;

import io.cucumber.java.Before;
import io.cucumber.java.BeforeStep;
import io.cucumber.java.ParameterType;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.When;
import java.util.Arrays;
import java.util.List;

/**
 * Packet captures as a step of their own: they start where a scenario says, run across every action that
 * follows, and stop before its first outcome step (Then), so that traffic the checks make themselves (a ping
 * until it succeeds) is never part of what they judge.
 */
public final class CaptureSteps {
    private final ScenarioWorld world;
    private List<Boolean> outcomes = List.of();
    private int nextStep;

    public CaptureSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("packets are captured on {captureList}")
    public void packetsAreCapturedOn(List<String> points) {
        world.startCaptures(points);
    }

    /** "node1:eth0, node2:eth0 and container-2:eth0" → the three points. */
    @ParameterType(name = "captureList", value = "\\S+:\\S+(?:(?:, | and )\\S+:\\S+)*")
    public List<String> captureList(String list) {
        return points(list);
    }

    @Before
    public void readWhichStepsAreOutcomes(Scenario scenario) {
        outcomes = OutcomeSteps.of(scenario.getUri(), scenario.getLine());
        nextStep = 0;
    }

    @BeforeStep
    public void stopCapturesBeforeTheFirstOutcome() {
        int step = nextStep++;
        if (step < outcomes.size() && outcomes.get(step)) {
            world.stopCaptures();
        }
    }

    /** "a, b and c" → [a, b, c]. */
    static List<String> points(String list) {
        return Arrays.stream(list.split(",| and "))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }
}
