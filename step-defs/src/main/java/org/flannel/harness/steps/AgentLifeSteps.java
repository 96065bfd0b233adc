package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;
import org.flannel.harness.impl.Agent;

/** An agent's life as faults end it: signals, its exit and its status, and starting it again. */
public final class AgentLifeSteps {
    private final ScenarioWorld world;
    private final FlanneldSteps flanneld;
    private long signalledAt;

    public AgentLifeSteps(ScenarioWorld world, FlanneldSteps flanneld) {
        this.world = world;
        this.flanneld = flanneld;
    }

    /** A crash: the process is gone at once, and whatever it programmed in the kernel stays. */
    @When("flanneld on {word} is killed with SIGKILL")
    public void killedWithSigkill(String node) {
        Agent agent = world.agent(node);
        flanneld.rememberBeforeRestart(node);
        agent.process().signal("KILL");
        assertThat(agent.process().waitFor(Duration.ofSeconds(5)))
                .as("flanneld on %s after SIGKILL", node)
                .isPresent();
        world.stopped(node);
    }

    /** SIGTERM, as an operator or systemd stops it; a Then step judges how it ends. */
    @When("flanneld on {word} is sent SIGTERM")
    public void sentSigterm(String node) {
        world.allowExit(node);
        signalledAt = System.nanoTime();
        world.agent(node).process().signal("TERM");
    }

    @Then("flanneld on {word} exits within {int} milliseconds")
    public void exitsWithinMilliseconds(String node, int limit) {
        Agent agent = world.agent(node);
        Optional<Integer> status = agent.process().waitFor(Duration.ofMillis(limit + 100L));
        long took = (System.nanoTime() - signalledAt) / 1_000_000;
        world.scenario()
                .log("flanneld on " + node + " after SIGTERM: "
                        + status.map(s -> "exited with status " + s + " after " + took + " ms")
                                .orElse("still running after " + took + " ms"));
        assertThat(status)
                .as("flanneld on %s still runs %d ms after SIGTERM", node, took)
                .isPresent();
        world.stopped(node);
        assertThat(took).as("milliseconds from SIGTERM to its exit").isLessThanOrEqualTo(limit);
    }

    @Then("within {int} seconds flanneld on {word} exits")
    public void withinSecondsExits(int seconds, String node) {
        awaitExit(seconds, node);
    }

    @Then("within {int} seconds flanneld on {word} exits with status {int}")
    public void withinSecondsExitsWithStatus(int seconds, String node, int status) {
        assertThat(awaitExit(seconds, node))
                .as("flanneld on %s's exit status", node)
                .isEqualTo(status);
    }

    private int awaitExit(int seconds, String node) {
        Agent agent = world.agent(node);
        try {
            await().atMost(Duration.ofSeconds(seconds))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !agent.process().isAlive());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("flanneld on " + node + " still runs after " + seconds + " s; its log ends:\n"
                    + LogLines.tail(agent.process().logs(), 15));
        }
        int status = agent.process().waitFor(Duration.ZERO).orElseThrow();
        world.stopped(node);
        return status;
    }

    /** What the scenario gives it may end it (Flannel exits on some configs), so its exit is no death to report. */
    @When("flanneld on {word} may exit")
    public void mayExit(String node) {
        world.allowExit(node);
    }

    /** The same implementation and flags as the agent the scenario last stopped there. */
    @When("flanneld on {word} starts again")
    public void startsAgain(String node) {
        flanneld.startAgain(node, world.lastStopped(node));
    }

    @Then("flanneld on {word} is still running")
    public void isStillRunning(String node) {
        Agent agent = world.agent(node);
        assertThat(agent.process().isAlive())
                .as(
                        "flanneld on %s is running; its log ends:\n%s",
                        node, LogLines.tail(agent.process().logs(), 15))
                .isTrue();
    }

    /** Its wording is Flannel's, so this is for SHOULD scenarios only. */
    @Then("within {int} seconds flanneld on {word} has logged {string}")
    public void hasLogged(int seconds, String node, String text) {
        Agent agent = world.agent(node);
        try {
            await().atMost(Duration.ofSeconds(seconds))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> agent.process().logs().contains(text));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("within " + seconds + " s flanneld on " + node + " did not log \"" + text
                    + "\"; its log ends:\n" + LogLines.tail(agent.process().logs(), 15));
        }
    }
}
