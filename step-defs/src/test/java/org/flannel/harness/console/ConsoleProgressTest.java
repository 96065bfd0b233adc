package org.flannel.harness.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flannel.harness.console.Events.URI_VXLAN;
import static org.flannel.harness.console.Events.attached;
import static org.flannel.harness.console.Events.feature;
import static org.flannel.harness.console.Events.finished;
import static org.flannel.harness.console.Events.runFinished;
import static org.flannel.harness.console.Events.runStarted;
import static org.flannel.harness.console.Events.scenario;
import static org.flannel.harness.console.Events.stepFailed;
import static org.flannel.harness.console.Events.stepPassed;

import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The console plugin fed a run's events by hand: what a person reads, line by line. */
class ConsoleProgressTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    /** A run that declares vxlan only. */
    private ConsoleProgress plugin(int selected) {
        ConsoleProgress plugin = new ConsoleProgress(
                new PrintStream(console, true, StandardCharsets.UTF_8), null, () -> selected, Set.of("vxlan"));
        plugin.runStarted(runStarted());
        plugin.envelope(feature(URI_VXLAN, "VXLAN: the flannel.1 device"));
        return plugin;
    }

    private List<String> lines() {
        return console.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aPassingScenarioIsOneLineWithWhereTheRunIsItsVerdictTimeRequirementFeatureAndName() {
        ConsoleProgress plugin = plugin(12);
        TestCase passing =
                scenario("flannel.1 on node1, over a 1500-byte underlay", "@vxlan", "@R-VXLAN-DEVICE-01", "@must");
        plugin.embedded(attached(passing, "flanneld on node1.log", "text/plain", "I1205 started\nI1205 ready\n"));
        plugin.caseFinished(finished(passing, 65, Status.PASSED, 3_240, null));

        assertThat(lines())
                .containsExactly("[ 1/12  1:05] PASSED       3.2 s  R-VXLAN-DEVICE-01  VXLAN: the flannel.1"
                        + " device: flannel.1 on node1, over a 1500-byte underlay");
    }

    @Test
    void aFailureShowsItsStepTheDiffAndTheLastLinesOfEachAgentLogButNoOtherAttachment() {
        ConsoleProgress plugin = plugin(3);
        TestCase failing = scenario("node1's route, neighbour and FDB entry", "@vxlan", "@R-VXLAN-PEER-01", "@must");
        String log =
                IntStream.rangeClosed(1, 20).mapToObj(i -> "I1205 line " + i).collect(Collectors.joining("\n"));
        plugin.embedded(attached(failing, "node1 kernel state.txt", "text/plain", "$ ip -details address show\n1: lo"));
        plugin.embedded(attached(failing, "flanneld on node1.log", "text/plain", "# flanneld under test: /x\n" + log));
        plugin.embedded(attached(failing, "flanneld on node2 (reference).log", "text/plain", ""));
        plugin.stepFinished(stepPassed(failing, "Given ", "a topology:", 5));
        plugin.stepFinished(stepFailed(failing, "Then ", "node1's routing table has:", 14));
        plugin.stepFinished(stepFailed(failing, "And ", "node1's neighbours are:", 17));
        plugin.caseFinished(finished(
                failing,
                9,
                Status.FAILED,
                4_100,
                new AssertionError(
                        "route -n on node1 differs\n| Destination | Gateway |\n| 10.1.16.0 ✗ | 10.1.16.0 |")));

        List<String> lines = lines();
        assertThat(lines.get(0))
                .isEqualTo("[1/3  0:09] FAILED       4.1 s  R-VXLAN-PEER-01  VXLAN: the flannel.1 device:"
                        + " node1's route, neighbour and FDB entry");
        assertThat(lines.subList(1, 5))
                .containsExactly(
                        "    at: Then node1's routing table has:  (line 14)",
                        "    route -n on node1 differs",
                        "    | Destination | Gateway |",
                        "    | 10.1.16.0 ✗ | 10.1.16.0 |");
        assertThat(lines.get(5)).isEqualTo("    flanneld on node1.log, its last lines:");
        assertThat(lines.subList(6, 21)).first().isEqualTo("      I1205 line 6");
        assertThat(lines.get(20)).isEqualTo("      I1205 line 20");
        assertThat(lines.subList(21, lines.size())).containsExactly("    flanneld on node2 (reference).log: empty");
        assertThat(String.join("\n", lines)).doesNotContain("kernel state", "ip -details", "under test", "line 5\n");
    }

    @Test
    void aScenarioForABackendNotDeclaredIsNotApplicableAndTheEndCountsEachVerdict() {
        ConsoleProgress plugin = plugin(3);
        TestCase udp =
                scenario("flannel0, its route, the leases and the subnet file", "@udp", "@R-UDP-NODE-01", "@must");
        TestCase vxlan = scenario("flannel.1 on node1", "@vxlan", "@R-VXLAN-DEVICE-01", "@must");
        TestCase untagged = scenario("a scenario nobody tagged");
        plugin.caseFinished(finished(udp, 1, Status.SKIPPED, 10, null));
        plugin.caseFinished(finished(vxlan, 5, Status.PASSED, 4_000, null));
        plugin.caseFinished(finished(untagged, 8, Status.PASSED, 3_000, null));
        plugin.runFinished(runFinished(185));

        assertThat(lines())
                .containsExactly(
                        "[1/3  0:01] n/a          0.0 s  R-UDP-NODE-01  VXLAN: the flannel.1 device: flannel0, its route, the"
                                + " leases and the subnet file",
                        "[2/3  0:05] PASSED       4.0 s  R-VXLAN-DEVICE-01  VXLAN: the flannel.1 device: flannel.1 on node1",
                        "[3/3  0:08] PASSED       3.0 s  (none)  VXLAN: the flannel.1 device: a scenario nobody tagged",
                        "",
                        "3 scenarios in 3:05: 1 n/a, 2 passed");
    }

    @Test
    void anUndefinedStepIsShownWhereItIsThoughItHasNoMessage() {
        ConsoleProgress plugin = plugin(1);
        TestCase undefined = scenario("a new scenario", "@vxlan", "@R-VXLAN-NEW-01", "@must");
        plugin.stepFinished(new io.cucumber.plugin.event.TestStepFinished(
                Events.START,
                undefined,
                stepFailed(undefined, "When ", "something nobody wrote a step for", 8)
                        .getTestStep(),
                new io.cucumber.plugin.event.Result(Status.UNDEFINED, java.time.Duration.ZERO, null)));
        plugin.caseFinished(finished(undefined, 2, Status.UNDEFINED, 0, null));

        assertThat(lines())
                .containsExactly(
                        "[1/1  0:02] UNDEFINED    0.0 s  R-VXLAN-NEW-01  VXLAN: the flannel.1 device: a new scenario",
                        "    at: When something nobody wrote a step for  (line 8)");
    }

    @Test
    void withoutAPlanTheLineCountsOnlyTheScenariosDone() {
        ConsoleProgress plugin = plugin(0);
        plugin.caseFinished(
                finished(scenario("x", "@vxlan", "@R-VXLAN-X-01", "@may"), 3_725, Status.PASSED, 1_000, null));

        assertThat(lines())
                .containsExactly("[1 1:02:05] PASSED       1.0 s  R-VXLAN-X-01  VXLAN: the flannel.1 device: x");
    }
}
