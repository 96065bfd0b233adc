package org.flannel.harness.reports.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flannel.harness.contracts.evidence.EvidenceJson;
import org.flannel.harness.contracts.evidence.PingSeriesEvidence;
import org.flannel.harness.reports.Fixtures;
import org.flannel.harness.reports.evidence.FaultTimeline.Kind;
import org.flannel.harness.reports.evidence.FaultTimeline.Lane;
import org.flannel.harness.reports.evidence.FaultTimeline.PingState;
import org.flannel.harness.reports.evidence.FaultTimeline.StepSpan;
import org.flannel.harness.reports.evidence.FaultTimeline.Tone;
import org.flannel.harness.reports.model.Attachment;
import org.flannel.harness.reports.model.Run;
import org.flannel.harness.reports.model.Scenario;
import org.flannel.harness.reports.model.Status;
import org.flannel.harness.reports.model.Step;
import org.junit.jupiter.api.Test;

class FaultTimelineTest {
    private static final Path FAULT_FEATURES = Path.of("../features/src/test/resources/features/faults");

    private static FaultTimeline timeline(String fixture, String name) {
        Scenario scenario = Fixtures.scenario(Fixtures.run(fixture), name);
        return FaultTimeline.of(scenario, ScenarioEvidence.of(scenario)).orElseThrow();
    }

    private static StepSpan step(FaultTimeline timeline, String text) {
        return timeline.steps().stream()
                .filter(s -> s.step().text().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step " + text));
    }

    private static Lane lane(FaultTimeline timeline, String name) {
        return timeline.lanes().stream()
                .filter(l -> l.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no lane " + name));
    }

    @Test
    void etcdDownForTwelveSecondsWithThePingThatRanAcrossIt() {
        FaultTimeline timeline = timeline(Fixtures.FAULTS, Fixtures.ETCD_OUTAGE);

        assertThat(timeline.origin()).isEqualTo(timeline.scenario().started());
        assertThat(step(timeline, "a topology:").kind()).isEqualTo(Kind.SETUP);
        assertThat(step(timeline, "container-1 starts pinging 10.1.16.3 five times a second")
                        .kind())
                .isEqualTo(Kind.ACTION);
        assertThat(step(timeline, "etcd stops").kind()).isEqualTo(Kind.FAULT);
        assertThat(step(timeline, "etcd starts again").kind()).isEqualTo(Kind.FAULT);
        StepSpan wait = step(timeline, "12 seconds pass");
        assertThat(wait.kind()).isEqualTo(Kind.FAULT);
        assertThat(wait.duration()).isCloseTo(12.0, within(0.5));
        StepSpan check = step(timeline, "flanneld on node1 is still running");
        assertThat(check.kind()).isEqualTo(Kind.CHECK);
        assertThat(check.step().status()).isEqualTo(Status.PASSED);
        assertThat(check.start()).isGreaterThan(wait.end());
        assertThat(timeline.steps()).extracting(s -> s.step().text()).doesNotContain("begin");
        assertThat(timeline.length()).isGreaterThan(wait.end());

        assertThat(timeline.lanes()).extracting(Lane::name).containsExactly("etcd", "node1", "node2", "node3");
        FaultTimeline.Period down = lane(timeline, "etcd").periods().stream()
                .filter(p -> p.tone() == Tone.DOWN)
                .findFirst()
                .orElseThrow();
        assertThat(down.label()).isEqualTo("etcd down");
        assertThat(down.from()).isCloseTo(step(timeline, "etcd stops").end(), within(0.01));
        assertThat(down.duration()).isCloseTo(12.0, within(0.8));
        assertThat(lane(timeline, "etcd").marks())
                .extracting(FaultTimeline.Mark::label)
                .contains("etcd stopped", "etcd started again", "lease 10.1.17.0/24 deleted", "network config written");
        assertThat(lane(timeline, "node3").marks())
                .extracting(FaultTimeline.Mark::label)
                .contains("flanneld started");

        assertThat(timeline.pings()).singleElement().satisfies(track -> {
            assertThat(track.label()).isEqualTo("container-1 → 10.1.16.3");
            assertThat(track.series().verdict()).isPresent();
            assertThat(track.count(PingState.LOST)).isZero();
            assertThat(track.count(PingState.IN_FLIGHT)).isEqualTo(5);
            assertThat(track.count(PingState.ANSWERED)).isGreaterThan(50);
            assertThat(track.ticks())
                    .allSatisfy(tick -> assertThat(tick.timed()).isTrue());
            assertThat(track.ticks().get(0).at())
                    .isCloseTo(
                            step(timeline, "container-1 starts pinging 10.1.16.3 five times a second")
                                    .start(),
                            within(0.3));
            for (int i = 1; i < track.ticks().size(); i++) {
                assertThat(track.ticks().get(i).at() - track.ticks().get(i - 1).at())
                        .isCloseTo(0.2, within(0.1));
            }
        });
        FaultTimeline.During during = timeline.during().stream()
                .filter(d -> d.period().equals(down))
                .findFirst()
                .orElseThrow();
        FaultTimeline.Counts counts = during.pings().values().iterator().next();
        assertThat(counts.sent()).isGreaterThan(50);
        assertThat(counts.lost()).isZero();
        assertThat(counts.answered() + counts.inFlight()).isEqualTo(counts.sent());
    }

    @Test
    void aFailedScenarioShowsItsFailedCheckAndThePingsItNeverJudged() {
        FaultTimeline timeline = timeline(Fixtures.FAULTS_FAILED, Fixtures.UDP_ETCD_OUTAGE);

        StepSpan failed = step(timeline, "flanneld on node1 is still running");
        assertThat(failed.kind()).isEqualTo(Kind.CHECK);
        assertThat(failed.step().status()).isEqualTo(Status.FAILED);
        assertThat(lane(timeline, "node1").marks()).anySatisfy(mark -> {
            assertThat(mark.tone()).isEqualTo(Tone.FAILED);
            assertThat(mark.label()).contains("flanneld on node1 is still running");
        });
        // Skipped after the failure: on the drawing, but nothing done to etcd.
        StepSpan skipped = step(timeline, "the lease 10.1.17.0/24 is deleted from etcd");
        assertThat(skipped.executed()).isFalse();
        assertThat(lane(timeline, "etcd").marks())
                .extracting(FaultTimeline.Mark::label)
                .doesNotContain("lease 10.1.17.0/24 deleted");
        assertThat(timeline.events()).extracting(FaultTimeline.Event::what).doesNotContain(skipped.label());

        FaultTimeline.PingTrack track = timeline.pings().get(0);
        assertThat(track.series().verdict()).isEmpty();
        assertThat(track.count(PingState.LOST)).isGreaterThan(40);
        // The agent died 2 s after it was ready: what got through came first, what was lost after.
        int firstLost = track.ticks().stream()
                .filter(t -> t.state() == PingState.LOST)
                .findFirst()
                .orElseThrow()
                .seq();
        assertThat(track.ticks()).filteredOn(t -> t.seq() < firstLost).allSatisfy(t -> assertThat(t.state())
                .isEqualTo(PingState.ANSWERED));
        assertThat(timeline.during()).anySatisfy(d -> {
            assertThat(d.period().label()).isEqualTo("etcd down");
            assertThat(d.pings().get(track).lost()).isGreaterThan(40);
        });
        assertThat(timeline.events())
                .anySatisfy(e -> assertThat(e.what()).matches("icmp_seq \\d+–\\d+ \\(\\d+\\) lost"));
    }

    @Test
    void aRebootIsAFaultOnItsNodeAndTheTablesReadAfterAreOnTheOther() {
        FaultTimeline timeline = timeline(Fixtures.FAULTS, Fixtures.REBOOT);

        StepSpan reboot = step(timeline, "node2 reboots");
        assertThat(reboot.kind()).isEqualTo(Kind.FAULT);
        assertThat(lane(timeline, "node2").periods()).anySatisfy(p -> {
            assertThat(p.tone()).isEqualTo(Tone.FAULT);
            assertThat(p.label()).isEqualTo("rebooted");
            assertThat(p.from()).isEqualTo(reboot.start());
        });
        List<FaultTimeline.Mark> tables = lane(timeline, "node1").marks().stream()
                .filter(m -> m.tone() == Tone.TABLE_PASSED)
                .toList();
        assertThat(tables).extracting(FaultTimeline.Mark::label).containsExactly("ip neigh show dev flannel.1 ✓");
        assertThat(tables.get(0).at()).isGreaterThan(reboot.end());
        assertThat(tables.get(0).detail()).startsWith("node1 $ ip neigh show dev flannel.1\n10.1.16.0  ");
        // The table carries the check's verdict: no second mark for the same check. A check that read no table
        // attached (the FDB entries it includes) is a mark of its own.
        assertThat(lane(timeline, "node1").marks())
                .noneSatisfy(m -> assertThat(m.label()).contains("neighbours on flannel.1"));
        assertThat(lane(timeline, "node1").marks()).anySatisfy(m -> {
            assertThat(m.tone()).isEqualTo(Tone.PASSED);
            assertThat(m.label()).isEqualTo("✓ node1's FDB entries on flannel.1 include:");
        });
        assertThat(lane(timeline, "node1").marks()).anySatisfy(m -> {
            assertThat(m.label()).isEqualTo("kernel state read");
            assertThat(m.attachment()).map(Attachment::name).contains("node1 kernel state.txt");
        });
    }

    @Test
    void sigtermOpensAWhileTheAgentIsStoppingThatItsExitCloses() {
        FaultTimeline timeline = timeline(Fixtures.FAULTS, Fixtures.SIGTERM);

        StepSpan exits = step(timeline, "flanneld on node2 exits within 5000 milliseconds");
        assertThat(lane(timeline, "node2").marks())
                .extracting(FaultTimeline.Mark::label)
                .contains("SIGTERM sent to flanneld");
        assertThat(lane(timeline, "node2").periods()).anySatisfy(p -> {
            assertThat(p.label()).isEqualTo("flanneld stopping");
            assertThat(p.to()).isEqualTo(exits.end());
        });
        assertThat(exits.notes()).singleElement().satisfies(note -> assertThat(note.text())
                .startsWith("flanneld on node2 after SIGTERM: exited with status 0"));
    }

    @Test
    void junkDatagramsArriveOnTheNodeTheyAreSentTo() {
        FaultTimeline timeline = timeline(Fixtures.FAULTS, Fixtures.JUNK);

        assertThat(lane(timeline, "node1").periods())
                .filteredOn(p -> p.tone() == Tone.FAULT)
                .extracting(FaultTimeline.Period::detail)
                .containsExactly(
                        "2000 datagrams of random bytes a second from node3 to port 8285",
                        "2000 datagrams of truncated IPv4 headers a second from node3 to port 8285");
        assertThat(timeline.pings().get(0).series().allowedLosses()).contains(1);
    }

    @Test
    void etcdsHistoryCompactedIsAFaultOnEtcdsLane() {
        FaultTimeline timeline = timeline(Fixtures.FAULTS, Fixtures.COMPACTION);

        assertThat(lane(timeline, "etcd").periods()).anySatisfy(p -> {
            assertThat(p.tone()).isEqualTo(Tone.FAULT);
            assertThat(p.detail()).contains("compacted");
        });
        assertThat(step(timeline, "etcd's history is compacted past what the agents have seen, and etcd restarts")
                        .notes())
                .singleElement()
                .satisfies(note -> assertThat(note.text()).startsWith("compacted etcd's history up to revision"));
    }

    @Test
    void requestsPingDidNotStampAreReckonedFromTheirNeighboursOrTheStart() {
        Instant start = Instant.parse("2026-12-05T10:00:00Z");
        PingSeriesEvidence series = new PingSeriesEvidence(
                "container-1",
                "10.1.16.3",
                200,
                Optional.of(start.plusSeconds(1).toString()),
                Optional.empty(),
                3,
                Optional.empty(),
                Optional.empty(),
                List.of(
                        new PingSeriesEvidence.Request(1, true, Optional.empty(), Optional.empty()),
                        new PingSeriesEvidence.Request(
                                2, true, Optional.of(start.plusMillis(1250).toString()), Optional.empty()),
                        new PingSeriesEvidence.Request(3, false, Optional.empty(), Optional.empty()),
                        new PingSeriesEvidence.Request(4, false, Optional.empty(), Optional.empty())));
        Attachment json = new Attachment(
                "pings.json",
                EvidenceJson.MEDIA_TYPE,
                EvidenceJson.write(series).getBytes(StandardCharsets.UTF_8),
                0,
                start.plusSeconds(2));
        Step ping = new Step(
                "When",
                "container-1 starts pinging 10.1.16.3 five times a second",
                List.of(),
                null,
                Status.PASSED,
                null,
                false,
                Step.ACTION,
                start.plusSeconds(1),
                start.plusMillis(1010));
        Scenario scenario = new Scenario(
                "1",
                "s",
                "classpath:features/faults/05-etcd-outage.feature",
                "s",
                "",
                List.of("@faults"),
                Scenario.Written.at("s", 1),
                Status.PASSED,
                List.of(ping),
                List.of(json),
                start,
                start.plusSeconds(2));

        FaultTimeline timeline =
                FaultTimeline.of(scenario, ScenarioEvidence.of(scenario)).orElseThrow();

        assertThat(timeline.pings().get(0).ticks())
                .extracting(tick -> Math.round(tick.at() * 100) / 100.0)
                .containsExactly(1.05, 1.25, 1.45, 1.65);
        assertThat(timeline.pings().get(0).ticks())
                .extracting(FaultTimeline.Tick::state)
                .containsExactly(PingState.ANSWERED, PingState.ANSWERED, PingState.LOST, PingState.IN_FLIGHT);
        assertThat(timeline.pings().get(0).ticks())
                .extracting(FaultTimeline.Tick::timed)
                .containsExactly(false, true, false, false);
    }

    @Test
    void aScenarioThatDidNotRunHasNoTimeline() {
        Run run = Fixtures.run(Fixtures.FAULTS);
        Scenario ran = Fixtures.scenario(run, Fixtures.SIGTERM);
        Scenario notRun = new Scenario(
                ran.id(),
                ran.slug(),
                ran.featureUri(),
                ran.name(),
                ran.description(),
                ran.tags(),
                ran.written(),
                Status.NOT_RUN,
                List.of(),
                List.of());

        assertThat(FaultTimeline.of(notRun, ScenarioEvidence.of(notRun))).isEmpty();
        assertThat(FaultTimeline.applies(ran)).isTrue();
    }

    /**
     * Every step of the fault features that does something to the cluster is drawn as a fault; a new fault step
     * must be taught to the timeline (FaultTimeline's patterns), or listed here as what it is not.
     */
    @Test
    void everyWhenStepOfTheFaultFeaturesIsAFaultOrAKnownAction() throws IOException {
        List<String> notFaults = List.of(
                "^\\S+ starts pinging \\S+ five times a second$",
                "^flanneld starts on \\S+$",
                "^flanneld is started on \\S+$",
                "^flanneld on \\S+ starts again$",
                "^\\S+ runs on \\S+ at \\S+$",
                "^\\S+ pings \\S+ once$",
                "^flanneld on \\S+ may exit$");
        List<String> faults = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Pattern line = Pattern.compile("^\\s*(Given|When|Then|And|But) (.+)$");
        try (Stream<Path> files = Files.list(FAULT_FEATURES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".feature"))
                    .sorted()
                    .toList()) {
                String keyword = "";
                for (String text : Files.readAllLines(file)) {
                    Matcher m = line.matcher(text);
                    if (!m.matches()) {
                        continue;
                    }
                    keyword = m.group(1).equals("And") || m.group(1).equals("But") ? keyword : m.group(1);
                    Step step = new Step(m.group(1), m.group(2).strip(), List.of(), null, Status.PASSED, null, false);
                    if (FaultTimeline.isFault(step)) {
                        faults.add(step.text());
                    } else if (keyword.equals("When")
                            && notFaults.stream().noneMatch(p -> step.text().matches(p))) {
                        unknown.add(file.getFileName() + ": " + step.text());
                    }
                }
            }
        }
        assertThat(unknown)
                .as("When steps of faults/ neither faults nor known actions")
                .isEmpty();
        assertThat(faults)
                .contains(
                        "etcd stops",
                        "etcd starts again",
                        "12 seconds pass",
                        "node2 reboots",
                        "flanneld on node2 is killed with SIGKILL",
                        "flanneld on node2 is sent SIGTERM",
                        "the lease 10.1.16.0/24 is deleted from etcd",
                        "the lease 10.1.16.0/24 is rewritten with VtepMAC 0e:00:00:00:00:99",
                        "these values are written under the network's prefix:",
                        "etcd's history is compacted past what the agents have seen, and etcd restarts",
                        "node3 sends 2000 datagrams of random bytes a second for 3 seconds to node1 port 8285");
    }
}
