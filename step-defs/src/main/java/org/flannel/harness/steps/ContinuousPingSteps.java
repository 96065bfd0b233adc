package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flannel.harness.contracts.evidence.CheckVerdict;
import org.flannel.harness.topology.ManagedProcess;

/**
 * A ping left running across a fault, five echo requests a second, its losses counted when it is judged. Every
 * series is attached as evidence (which request was answered, and when it left), for the living documentation's
 * timeline of the fault; one the scenario never judged (it failed before) is attached as it ends.
 */
public final class ContinuousPingSteps {
    /** At 0.2 s apart, the last second's requests may still be on their way when the ping is stopped. */
    private static final int IN_FLIGHT = 5;

    private static final long INTERVAL_MILLIS = 200;
    private final ScenarioWorld world;
    private final Map<String, Running> running = new LinkedHashMap<>();

    private record Running(String from, String to, ManagedProcess process, Instant started) {}

    public ContinuousPingSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("{word} starts pinging {word} five times a second")
    public void startsPinging(String from, String to) {
        String key = key(from, to);
        if (running.containsKey(key)) {
            throw new IllegalStateException(from + " already pings " + to);
        }
        // -O names every request left unanswered, -D stamps each line with its time; the log is read, so nothing
        // depends on ping's summary.
        Instant started = Instant.now();
        running.put(
                key,
                new Running(
                        from,
                        to,
                        world.host(from)
                                .start(
                                        "ping-" + to,
                                        List.of(
                                                "ping",
                                                "-n",
                                                "-O",
                                                "-D",
                                                "-i",
                                                Double.toString(INTERVAL_MILLIS / 1000.0),
                                                to)),
                        started));
    }

    @Then("{word}'s pings to {word} all got through")
    public void allGotThrough(String from, String to) {
        lostAtMost(from, to, 0);
    }

    @Then("{word}'s pings to {word} lost at most {int}")
    public void lostAtMost(String from, String to, int allowed) {
        Running ping = running.remove(key(from, to));
        if (ping == null) {
            throw new IllegalStateException(from + " does not ping " + to + " in this scenario");
        }
        PingSeries series = stop(ping);
        boolean passed = series.judged() > IN_FLIGHT && series.lost().size() <= allowed;
        attach(ping, series, Optional.of(allowed), Optional.of(CheckVerdict.of(passed)));
        world.scenario().log("pings from " + from + " to " + to + ": " + series.describe());
        assertThat(series.judged())
                .as("echo requests from %s to %s judged", from, to)
                .isGreaterThan(IN_FLIGHT);
        assertThat(series.lost().size())
                .as("pings from %s to %s: %s", from, to, series.describe())
                .isLessThanOrEqualTo(allowed);
    }

    /**
     * A ping the scenario did not judge (a step before failed) is stopped before the topology goes, and its series
     * attached without a verdict: the timeline shows what got through up to the failure. Higher order runs first
     * among After hooks: this one before the evidence hook (order 0).
     */
    @After(order = 200)
    public void attachPingsNotJudged() {
        for (Running ping : new ArrayList<>(running.values())) {
            try {
                attach(ping, stop(ping), Optional.empty(), Optional.empty());
            } catch (RuntimeException e) {
                world.scenario().log("the ping from " + ping.from() + " to " + ping.to() + " could not be read: " + e);
            }
        }
        running.clear();
    }

    private void attach(Running ping, PingSeries series, Optional<Integer> allowed, Optional<CheckVerdict> verdict) {
        JsonEvidence.attach(
                world.scenario(),
                "pings from " + ping.from() + " to " + ping.to() + ".json",
                series.evidence(ping.from(), ping.to(), ping.started(), Instant.now(), allowed, verdict));
    }

    private static PingSeries stop(Running ping) {
        ping.process().stop(Duration.ofSeconds(2));
        return PingSeries.parse(ping.process().logs(), IN_FLIGHT, INTERVAL_MILLIS);
    }

    private static String key(String from, String to) {
        return from + ">" + to;
    }
}
