package org.flannel.harness.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flannel.harness.topology.ManagedProcess;

/** A ping left running across a fault, five echo requests a second, its losses counted when it is judged. */
public final class ContinuousPingSteps {
    /** At 0.2 s apart, the last second's requests may still be on their way when the ping is stopped. */
    private static final int IN_FLIGHT = 5;
    private final ScenarioWorld world;
    private final Map<String, ManagedProcess> running = new HashMap<>();

    public ContinuousPingSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("{word} starts pinging {word} five times a second")
    public void startsPinging(String from, String to) {
        String key = key(from, to);
        if (running.containsKey(key)) {
            throw new IllegalStateException(from + " already pings " + to);
        }
        // -O names every request left unanswered; the log is read, so nothing depends on ping's summary.
        running.put(key, world.host(from).start("ping-" + to, List.of("ping", "-n", "-O", "-i", "0.2", to)));
    }

    @Then("{word}'s pings to {word} all got through")
    public void allGotThrough(String from, String to) {
        lostAtMost(from, to, 0);
    }

    @Then("{word}'s pings to {word} lost at most {int}")
    public void lostAtMost(String from, String to, int allowed) {
        PingSeries series = stop(from, to);
        world.scenario().log("pings from " + from + " to " + to + ": " + series.describe());
        assertThat(series.judged()).as("echo requests from %s to %s judged", from, to).isGreaterThan(IN_FLIGHT);
        assertThat(series.lost().size()).as("pings from %s to %s: %s", from, to, series.describe())
                .isLessThanOrEqualTo(allowed);
    }

    private PingSeries stop(String from, String to) {
        ManagedProcess ping = running.remove(key(from, to));
        if (ping == null) {
            throw new IllegalStateException(from + " does not ping " + to + " in this scenario");
        }
        ping.stop(Duration.ofSeconds(2));
        return PingSeries.parse(ping.logs(), IN_FLIGHT);
    }

    private static String key(String from, String to) {
        return from + ">" + to;
    }
}
