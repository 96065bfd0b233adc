package org.flannel.harness.reports.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flannel.harness.contracts.evidence.Evidence;
import org.flannel.harness.contracts.evidence.KernelTableEvidence;
import org.flannel.harness.contracts.evidence.PingSeriesEvidence;
import org.flannel.harness.reports.model.Attachment;
import org.flannel.harness.reports.model.Scenario;
import org.flannel.harness.reports.model.Status;
import org.flannel.harness.reports.model.Step;

/**
 * A fault scenario over time, in seconds since it began, from the run's own messages and evidence: each step as it
 * ran (the faults told apart from the set-up, the actions and the checks), what happened to etcd and to each node
 * (the faults, the agents started and gone, the kernel tables read and the checks about them), and every ping left
 * running across the fault, request by request. Nothing here is guessed from the implementation: a step's place is
 * its TestStepStarted/Finished, an attachment's its own timestamp, a request's the time ping printed.
 *
 * @param scenario the scenario
 * @param origin   when it began (its TestCaseStarted)
 * @param length   how long it lasted, in seconds (its last step's end, or its last attachment's)
 * @param steps    its steps and the hooks worth showing, in order
 * @param lanes    etcd first, then each node: what happened to each
 * @param pings    the pings left running, each a lane of its own
 */
public record FaultTimeline(
        Scenario scenario,
        Instant origin,
        double length,
        List<StepSpan> steps,
        List<Lane> lanes,
        List<PingTrack> pings) {

    /** What a step is on the timeline. */
    public enum Kind {
        /** Given: what the scenario starts from. */
        SETUP("set-up"),
        /** When, but no fault: pods started, agents started again, pings begun. */
        ACTION("action"),
        /** What the scenario does to the cluster: etcd stopped, an agent killed, a lease rewritten, time let pass. */
        FAULT("fault"),
        /** Then: a check, with its verdict. */
        CHECK("check"),
        /** A hook that took time or failed: the harness's own set-up and clean-up. */
        HOOK("hook");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** Something written by a step as it ran (scenario.log), at its time. */
    public record Note(double at, String text) {}

    /**
     * One step as it ran.
     *
     * @param index its index among the scenario's test steps (hooks included)
     * @param start seconds since the scenario began; NaN when it did not run
     * @param end   seconds since the scenario began; NaN when it did not run
     */
    public record StepSpan(int index, Step step, Kind kind, double start, double end, List<Note> notes) {
        public StepSpan {
            notes = List.copyOf(notes);
        }

        public boolean ran() {
            return !Double.isNaN(start);
        }

        /** Ran, and did what it says (a step skipped after a failure has times, but did nothing). */
        public boolean executed() {
            return ran() && step.status() != Status.SKIPPED && step.status() != Status.NOT_RUN;
        }

        public double duration() {
            return ran() ? Math.max(0, end - start) : 0;
        }

        /** "When etcd stops", "hook attachEvidenceAndCleanUp". */
        public String label() {
            return step.hook() ? "hook " + step.text() : (step.keyword() + " " + step.text()).strip();
        }
    }

    /**
     * What a mark or a period on a lane is: its colour and shape on the drawing. A check's verdict is PASSED or FAILED; a
     * kernel table a step read and judged is TABLE_PASSED or TABLE_FAILED; a file attached (kernel state, etcd's keys, a
     * log) is EVIDENCE.
     */
    public enum Tone {
        FAULT,
        SETUP,
        PASSED,
        FAILED,
        TABLE_PASSED,
        TABLE_FAILED,
        EVIDENCE,
        DOWN,
        NOTE;

        public String cssClass() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A moment on a lane: a fault, an agent started, a check's verdict, a table read, a file attached. */
    public record Mark(double at, String label, Tone tone, String detail, Optional<Attachment> attachment) {}

    /**
     * A while on a lane: etcd down, an agent gone, junk datagrams arriving, a window a check watched.
     *
     * @param label  short, drawn inside it where it fits
     * @param detail what it was, in full ("" when the label says it all)
     */
    public record Period(double from, double to, String label, String detail, Tone tone) {
        public double duration() {
            return Math.max(0, to - from);
        }
    }

    /** etcd, or a node, and what happened to it. */
    public record Lane(String name, List<Period> periods, List<Mark> marks) {
        public Lane {
            periods = List.copyOf(periods);
            marks = List.copyOf(marks);
        }
    }

    /** Whether an echo request was answered; the last ones were still in flight when the ping was stopped. */
    public enum PingState {
        ANSWERED,
        LOST,
        IN_FLIGHT;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        public String cssClass() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One echo request, at the time it left (seconds since the scenario began). */
    public record Tick(int seq, double at, PingState state, boolean timed) {}

    /** A ping left running: its requests in order, and the series as the step attached it. */
    public record PingTrack(PingSeriesEvidence series, List<Tick> ticks) {
        public PingTrack {
            ticks = List.copyOf(ticks);
        }

        public String label() {
            return series.source() + " → " + series.destination();
        }

        public double interval() {
            return series.intervalMillis() / 1000.0;
        }

        public long count(PingState state) {
            return ticks.stream().filter(t -> t.state() == state).count();
        }

        /** The requests that left in a while: how many, and how many of them were answered, lost, in flight. */
        public Counts during(double from, double to) {
            List<Tick> inside =
                    ticks.stream().filter(t -> t.at() >= from && t.at() < to).toList();
            return new Counts(
                    inside.size(),
                    inside.stream().filter(t -> t.state() == PingState.ANSWERED).count(),
                    inside.stream().filter(t -> t.state() == PingState.LOST).count(),
                    inside.stream()
                            .filter(t -> t.state() == PingState.IN_FLIGHT)
                            .count());
        }

        /** Consecutive requests in the same state, with no gap in time between them: each drawn as one bar. */
        public List<List<Tick>> runs() {
            List<List<Tick>> runs = new ArrayList<>();
            List<Tick> current = new ArrayList<>();
            for (Tick tick : ticks) {
                Tick previous = current.isEmpty() ? null : current.get(current.size() - 1);
                if (previous != null
                        && (previous.state() != tick.state()
                                || tick.seq() != previous.seq() + 1
                                || tick.at() - previous.at() > 2.5 * interval())) {
                    runs.add(current);
                    current = new ArrayList<>();
                }
                current.add(tick);
            }
            if (!current.isEmpty()) {
                runs.add(current);
            }
            return runs;
        }
    }

    /** Echo requests counted: sent, and of them answered, lost, and still in flight when the ping was stopped. */
    public record Counts(long sent, long answered, long lost, long inFlight) {}

    /** What happened while a fault lasted: a period of a lane, and what each ping saw meanwhile. */
    public record During(Lane lane, Period period, Map<PingTrack, Counts> pings) {}

    static final String LOG_MEDIA_TYPE = "text/x.cucumber.log+plain";
    /** A hook shorter than this, and passed, says nothing on a timeline. */
    static final double HOOK_WORTH_SHOWING = 0.2;
    /** A check that took longer watched or waited: drawn as the window it watched. */
    static final double WINDOW = 1.0;

    private static final Pattern NODE = Pattern.compile("\\b(node\\d+|router\\d+)\\b");
    private static final Pattern ETCD_STOPS = Pattern.compile("^etcd stops$");
    private static final Pattern ETCD_STARTS = Pattern.compile("^etcd starts again$");
    private static final Pattern COMPACTED = Pattern.compile("^etcd's history is compacted.*$");
    private static final Pattern LEASE_DELETED = Pattern.compile("^the lease (\\S+) is deleted from etcd$");
    private static final Pattern LEASE_REWRITTEN =
            Pattern.compile("^the lease (\\S+) is rewritten with (\\S+) (\\S+)$");
    private static final Pattern VALUES_WRITTEN =
            Pattern.compile("^these values are written under the network's prefix:$");
    private static final Pattern KILLED = Pattern.compile("^flanneld on (\\S+) is killed with SIGKILL$");
    private static final Pattern TERMINATED = Pattern.compile("^flanneld on (\\S+) is sent SIGTERM$");
    private static final Pattern REBOOTS = Pattern.compile("^(\\S+) reboots$");
    private static final Pattern DATAGRAMS = Pattern.compile(
            "^(\\S+) sends (\\d+) datagrams of (.+) a second for (\\d+) seconds to (\\S+) port (\\d+)$");
    private static final Pattern TIME_PASSES = Pattern.compile("^(\\d+) seconds pass$");
    private static final List<Pattern> FAULTS = List.of(
            ETCD_STOPS,
            ETCD_STARTS,
            COMPACTED,
            LEASE_DELETED,
            LEASE_REWRITTEN,
            VALUES_WRITTEN,
            KILLED,
            TERMINATED,
            REBOOTS,
            DATAGRAMS,
            TIME_PASSES);

    private static final Pattern CONFIG = Pattern.compile("^the network config is:$");
    private static final Pattern AGENTS_RUNNING =
            Pattern.compile("^flanneld is running on (\\S+) and (\\S+)(?: with .*)?$");
    private static final Pattern AGENT_RUNNING = Pattern.compile("^flanneld is running on (\\S+)$");
    private static final Pattern AGENT_STARTS = Pattern.compile("^flanneld (?:starts|is started) on (\\S+)$");
    private static final Pattern AGENT_AGAIN = Pattern.compile("^flanneld on (\\S+) starts again$");
    private static final Pattern EXITS = Pattern.compile("^(?:within \\d+ seconds )?flanneld on (\\S+) exits.*$");
    private static final Pattern RENEWED = Pattern.compile("^(\\S+) renewed (\\d+) s into the wait.*$");

    /** True for the steps that make a fault: etcd stopped or started, its history compacted, a lease deleted or
     * rewritten, values written under the prefix, an agent killed or sent SIGTERM, a node rebooted, junk datagrams
     * sent, time let pass. */
    public static boolean isFault(Step step) {
        return !step.hook()
                && FAULTS.stream().anyMatch(p -> p.matcher(step.text()).matches());
    }

    /** The tag the fault scenarios carry. */
    public static final String TAG = "@faults";

    public static boolean applies(Scenario scenario) {
        return scenario.tags().contains(TAG);
    }

    /** The scenario's timeline; empty when it did not run (no times to place it by). */
    public static Optional<FaultTimeline> of(Scenario scenario, ScenarioEvidence evidence) {
        Instant origin = scenario.started() != null
                ? scenario.started()
                : scenario.steps().stream()
                        .map(Step::started)
                        .filter(t -> t != null)
                        .min(Comparator.naturalOrder())
                        .orElse(null);
        if (origin == null) {
            return Optional.empty();
        }
        return Optional.of(new Builder(scenario, evidence, origin).build());
    }

    /** Seconds since the scenario began. */
    public double at(Instant instant) {
        return seconds(origin, instant);
    }

    static double seconds(Instant origin, Instant instant) {
        return instant == null ? Double.NaN : Duration.between(origin, instant).toNanos() / 1e9;
    }

    /** Each fault that lasted (etcd down, an agent gone, a node rebooting, junk arriving) and what the pings saw then. */
    public List<During> during() {
        List<During> found = new ArrayList<>();
        for (Lane lane : lanes) {
            for (Period period : lane.periods()) {
                if (period.tone() != Tone.DOWN && period.tone() != Tone.FAULT) {
                    continue;
                }
                Map<PingTrack, Counts> counts = new LinkedHashMap<>();
                pings.forEach(track -> counts.put(track, track.during(period.from(), period.to())));
                found.add(new During(lane, period, counts));
            }
        }
        return found;
    }

    /** Every step, mark and period in time order, as the page's table lists them. */
    public List<Event> events() {
        List<Event> events = new ArrayList<>();
        for (StepSpan span : steps) {
            if (span.executed()) {
                events.add(new Event(
                        span.start(),
                        span.duration(),
                        "step",
                        span.label(),
                        span.kind().word() + ", " + span.step().status().word(),
                        span.kind() == Kind.CHECK
                                ? span.step().status().cssClass()
                                : span.kind() == Kind.FAULT ? "fault" : ""));
            }
            for (Note note : span.notes()) {
                events.add(new Event(note.at(), 0, "log", note.text(), "written by " + span.label(), "note"));
            }
        }
        for (Lane lane : lanes) {
            for (Period period : lane.periods()) {
                events.add(new Event(
                        period.from(),
                        period.duration(),
                        lane.name(),
                        period.detail().isEmpty() ? period.label() : period.detail(),
                        "until " + String.format(Locale.ROOT, "%.1f s", period.to()),
                        period.tone().cssClass()));
            }
            for (Mark mark : lane.marks()) {
                events.add(new Event(
                        mark.at(),
                        0,
                        lane.name(),
                        mark.label(),
                        mark.detail(),
                        mark.tone().cssClass()));
            }
        }
        for (PingTrack track : pings) {
            for (List<Tick> run : track.runs()) {
                Tick first = run.get(0);
                Tick last = run.get(run.size() - 1);
                if (first.state() == PingState.LOST) {
                    events.add(new Event(
                            first.at(),
                            last.at() - first.at() + track.interval(),
                            "pings " + track.label(),
                            (run.size() == 1
                                            ? "icmp_seq " + first.seq()
                                            : "icmp_seq " + first.seq() + "–" + last.seq() + " (" + run.size() + ")")
                                    + " lost",
                            run.stream().allMatch(Tick::timed) ? "" : "times reckoned from the interval",
                            "failed"));
                }
            }
        }
        events.sort(Comparator.comparingDouble(Event::at));
        return events;
    }

    /** A line of the table under the drawing. */
    public record Event(double at, double lasted, String where, String what, String detail, String cssClass) {}

    /** Reads a scenario's steps, attachments and evidence into lanes. */
    private static final class Builder {
        private final Scenario scenario;
        private final ScenarioEvidence evidence;
        private final Instant origin;
        private final Map<String, LaneBuilder> lanes = new LinkedHashMap<>();
        private final List<StepSpan> spans = new ArrayList<>();
        private double length;

        Builder(Scenario scenario, ScenarioEvidence evidence, Instant origin) {
            this.scenario = scenario;
            this.evidence = evidence;
            this.origin = origin;
            lane("etcd");
            nodes().forEach(this::lane);
        }

        private Set<String> nodes() {
            Set<String> nodes = new LinkedHashSet<>();
            evidence.topology().ifPresent(t -> t.nodes().forEach(n -> nodes.add(n.name())));
            for (Step step : scenario.steps()) {
                Matcher node = NODE.matcher(step.text());
                while (!step.hook() && node.find()) {
                    nodes.add(node.group(1));
                }
            }
            return nodes;
        }

        private LaneBuilder lane(String name) {
            return lanes.computeIfAbsent(name, LaneBuilder::new);
        }

        FaultTimeline build() {
            List<Step> steps = scenario.steps();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                double start = at(step.started());
                double end = Double.isNaN(start)
                        ? Double.NaN
                        : Double.isNaN(at(step.finished())) ? start : at(step.finished());
                if (!Double.isNaN(end)) {
                    length = Math.max(length, end);
                }
                List<Note> notes = notes(i);
                Kind kind = kind(step);
                if (kind == Kind.HOOK
                        && !Double.isNaN(start)
                        && end - start < HOOK_WORTH_SHOWING
                        && !step.status().isProblem()
                        && notes.isEmpty()) {
                    continue;
                }
                StepSpan span = new StepSpan(i, step, kind, start, end, notes);
                spans.add(span);
                if (span.executed()) {
                    place(span);
                }
            }
            for (Attachment attachment : scenario.attachments()) {
                double at = at(attachment.timestamp());
                if (!Double.isNaN(at)) {
                    length = Math.max(length, at);
                    attached(attachment, at);
                }
            }
            List<PingTrack> pings = evidence.pings().stream().map(this::track).toList();
            pings.forEach(track -> track.ticks().forEach(t -> length = Math.max(length, t.at() + track.interval())));
            lanes.values().forEach(lane -> lane.close(length));
            List<Lane> built = lanes.values().stream()
                    .filter(l -> l.name.equals("etcd") || !l.isEmpty())
                    .map(LaneBuilder::build)
                    .toList();
            return new FaultTimeline(scenario, origin, length, spans, built, pings);
        }

        private double at(Instant instant) {
            return seconds(origin, instant);
        }

        private List<Note> notes(int stepIndex) {
            return scenario.attachments().stream()
                    .filter(a -> a.stepIndex() == stepIndex)
                    .filter(a -> a.mediaType().equals(LOG_MEDIA_TYPE) && a.timestamp() != null)
                    .map(a -> new Note(at(a.timestamp()), a.text().strip()))
                    .toList();
        }

        private static Kind kind(Step step) {
            if (step.hook()) {
                return Kind.HOOK;
            }
            if (isFault(step)) {
                return Kind.FAULT;
            }
            if (step.isOutcome()) {
                return Kind.CHECK;
            }
            return step.type().equals(Step.CONTEXT)
                            || step.type().isEmpty() && step.keyword().equals("Given")
                    ? Kind.SETUP
                    : Kind.ACTION;
        }

        /** What a step did to etcd or a node, on their lanes. */
        private void place(StepSpan span) {
            String text = span.step().text();
            double start = span.start();
            double end = span.end();
            Matcher m;
            if (ETCD_STOPS.matcher(text).matches()) {
                lane("etcd").mark(end, "etcd stopped", Tone.FAULT, span.label());
                lane("etcd").open("etcd", end, "etcd down");
            } else if (ETCD_STARTS.matcher(text).matches()) {
                lane("etcd").closeOpen("etcd", end);
                lane("etcd").mark(end, "etcd started again", Tone.FAULT, span.label());
            } else if (COMPACTED.matcher(text).matches()) {
                lane("etcd")
                        .period(
                                start,
                                end,
                                "compacted, restarted",
                                "etcd's history compacted past what the agents had" + " seen, and etcd restarted",
                                Tone.FAULT);
            } else if ((m = LEASE_DELETED.matcher(text)).matches()) {
                lane("etcd").mark(end, "lease " + m.group(1) + " deleted", Tone.FAULT, span.label());
            } else if ((m = LEASE_REWRITTEN.matcher(text)).matches()) {
                lane("etcd")
                        .mark(
                                end,
                                "lease " + m.group(1) + " rewritten: " + m.group(2) + " " + m.group(3),
                                Tone.FAULT,
                                span.label());
            } else if (VALUES_WRITTEN.matcher(text).matches()) {
                List<String> keys = span.step().table().stream()
                        .skip(1)
                        .map(row -> row.isEmpty() ? "" : row.get(0))
                        .toList();
                lane("etcd")
                        .mark(
                                end,
                                keys.size() + (keys.size() == 1 ? " value" : " values") + " written under the prefix",
                                Tone.FAULT,
                                String.join(", ", keys));
            } else if ((m = KILLED.matcher(text)).matches()) {
                lane(m.group(1)).mark(start, "flanneld killed (SIGKILL)", Tone.FAULT, span.label());
                lane(m.group(1)).open("flanneld", end, "flanneld gone");
            } else if ((m = TERMINATED.matcher(text)).matches()) {
                lane(m.group(1)).mark(start, "SIGTERM sent to flanneld", Tone.FAULT, span.label());
                lane(m.group(1)).open("flanneld", end, "flanneld stopping");
            } else if ((m = REBOOTS.matcher(text)).matches()) {
                lane(m.group(1)).closeOpen("flanneld", start);
                lane(m.group(1))
                        .period(
                                start,
                                end,
                                "rebooted",
                                "rebooted: flannel's devices, routes and subnet file gone," + " flanneld started again",
                                Tone.FAULT);
            } else if ((m = DATAGRAMS.matcher(text)).matches()) {
                lane(m.group(5))
                        .period(
                                start,
                                end,
                                "junk from " + m.group(1),
                                m.group(2) + " datagrams of " + m.group(3)
                                        + " a second from " + m.group(1)
                                        + " to port " + m.group(6),
                                Tone.FAULT);
            } else if (CONFIG.matcher(text).matches()) {
                lane("etcd")
                        .mark(
                                end,
                                "network config written",
                                Tone.SETUP,
                                span.step().docString() == null
                                        ? ""
                                        : span.step().docString().strip());
            } else if ((m = AGENTS_RUNNING.matcher(text)).matches()) {
                lane(m.group(1)).mark(end, "flanneld running", Tone.SETUP, span.label());
                lane(m.group(2)).mark(end, "flanneld running", Tone.SETUP, span.label());
            } else if ((m = AGENT_RUNNING.matcher(text)).matches() || (m = AGENT_STARTS.matcher(text)).matches()) {
                lane(m.group(1)).mark(end, "flanneld started", Tone.SETUP, span.label());
            } else if ((m = AGENT_AGAIN.matcher(text)).matches()) {
                lane(m.group(1)).closeOpen("flanneld", start);
                lane(m.group(1)).mark(end, "flanneld started again", Tone.SETUP, span.label());
            } else if (span.kind() == Kind.CHECK) {
                check(span);
            }
            for (Note note : span.notes()) {
                Matcher renewed = RENEWED.matcher(note.text());
                if (renewed.matches()) {
                    lane("etcd").mark(note.at(), "lease renewed", Tone.NOTE, note.text());
                }
            }
        }

        /** A check about etcd (a lease) or a node goes on its lane: a window when it watched or waited, else a moment. */
        private void check(StepSpan span) {
            String text = span.step().text();
            Matcher node = NODE.matcher(text);
            String lane = text.contains("etcd") || text.contains("lease") ? "etcd" : node.find() ? node.group(1) : "";
            if (lane.isEmpty()) {
                return;
            }
            Tone tone = span.step().status() == Status.PASSED
                    ? Tone.PASSED
                    : span.step().status().isProblem() ? Tone.FAILED : Tone.SETUP;
            String label = (tone == Tone.PASSED ? "✓ " : tone == Tone.FAILED ? "✗ " : "") + text;
            Matcher exits = EXITS.matcher(text);
            if (exits.matches() && tone == Tone.PASSED) {
                lane(exits.group(1)).closeOpen("flanneld", span.end());
            }
            if (span.duration() >= WINDOW) {
                lane(lane).period(span.start(), span.end(), label, "", tone);
            } else if (!readATable(span)) {
                lane(lane).mark(span.end(), label, tone, span.step().status().word());
            }
        }

        /** True when the check read a kernel table: the table's mark, at its time, carries the verdict. */
        private boolean readATable(StepSpan span) {
            return scenario.attachments().stream()
                    .filter(a -> a.stepIndex() == span.index() && a.isJson())
                    .anyMatch(a -> ScenarioEvidence.read(scenario, a)
                            .filter(KernelTableEvidence.class::isInstance)
                            .isPresent());
        }

        /** Tables read by a step, and what the harness attached at the end (kernel state, etcd's keys, the logs). */
        private void attached(Attachment attachment, double at) {
            String name = attachment.name();
            if (attachment.isJson()) {
                Optional<Evidence> read = ScenarioEvidence.read(scenario, attachment);
                if (read.isPresent() && read.get() instanceof KernelTableEvidence table) {
                    Tone tone = table.verdict().passed() ? Tone.TABLE_PASSED : Tone.TABLE_FAILED;
                    StringBuilder rows = new StringBuilder(table.node() + " $ " + table.command());
                    table.actual().forEach(row -> rows.append("\n").append(String.join("  ", row)));
                    table.expected().stream().filter(row -> !row.found()).forEach(row -> rows.append("\nmissing: ")
                            .append(String.join("  ", row.cells())));
                    lane(table.node())
                            .mark(
                                    at,
                                    table.command() + (table.verdict().passed() ? " ✓" : " ✗"),
                                    tone,
                                    rows.toString());
                }
                return;
            }
            if (name.endsWith(" kernel state.txt")) {
                String host = name.substring(0, name.length() - " kernel state.txt".length());
                lane(host)
                        .mark(
                                at,
                                "kernel state read",
                                Tone.EVIDENCE,
                                "ip address, route, neigh, bridge fdb: the file",
                                attachment);
            } else if (name.equals("etcd keys.txt")) {
                long keys =
                        attachment.text().lines().filter(l -> l.startsWith("/")).count();
                lane("etcd").mark(at, "keys read (" + keys + ")", Tone.EVIDENCE, preview(attachment), attachment);
            } else if (name.startsWith("flanneld on ") && name.endsWith(".log")) {
                Matcher node = NODE.matcher(name);
                if (node.find()) {
                    lane(node.group(1))
                            .mark(
                                    at,
                                    name.substring(0, name.length() - 4),
                                    Tone.EVIDENCE,
                                    "its log: the file",
                                    attachment);
                }
            }
        }

        private static String preview(Attachment attachment) {
            String text = new String(attachment.body(), StandardCharsets.UTF_8).strip();
            return text.length() > 1500 ? text.substring(0, 1500) + "\n…" : text;
        }

        /**
         * Each request at the time it left: as ping stamped it, else reckoned from the nearest stamped request and the
         * interval, else from when the ping was started.
         */
        private PingTrack track(PingSeriesEvidence series) {
            double interval = series.intervalMillis() / 1000.0;
            List<PingSeriesEvidence.Request> requests = series.requests();
            double started = series.startedAt().map(this::at).orElse(Double.NaN);
            List<Tick> ticks = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                PingSeriesEvidence.Request request = requests.get(i);
                PingState state = series.inFlight(request)
                        ? PingState.IN_FLIGHT
                        : request.answered() ? PingState.ANSWERED : PingState.LOST;
                Optional<Instant> sent = request.sentAt();
                double at;
                if (sent.isPresent()) {
                    at = at(sent.get());
                } else {
                    at = reckoned(requests, i, interval, started);
                }
                ticks.add(new Tick(request.seq(), at, state, sent.isPresent()));
            }
            return new PingTrack(
                    series, ticks.stream().filter(t -> !Double.isNaN(t.at())).toList());
        }

        private double reckoned(List<PingSeriesEvidence.Request> requests, int index, double interval, double started) {
            for (int distance = 1; distance < requests.size(); distance++) {
                for (int j : new int[] {index - distance, index + distance}) {
                    if (j >= 0
                            && j < requests.size()
                            && requests.get(j).sentAt().isPresent()) {
                        return at(requests.get(j).sentAt().get())
                                + (requests.get(index).seq() - requests.get(j).seq()) * interval;
                    }
                }
            }
            return Double.isNaN(started)
                    ? Double.NaN
                    : started + (requests.get(index).seq() - 1) * interval;
        }
    }

    /** A lane as it is filled: periods may be opened by one step and closed by a later one. */
    private static final class LaneBuilder {
        private final String name;
        private final List<Period> periods = new ArrayList<>();
        private final List<Mark> marks = new ArrayList<>();
        private final Map<String, Period> open = new LinkedHashMap<>();

        LaneBuilder(String name) {
            this.name = name;
        }

        void mark(double at, String label, Tone tone, String detail) {
            marks.add(new Mark(at, label, tone, detail, Optional.empty()));
        }

        void mark(double at, String label, Tone tone, String detail, Attachment attachment) {
            marks.add(new Mark(at, label, tone, detail, Optional.of(attachment)));
        }

        void period(double from, double to, String label, String detail, Tone tone) {
            periods.add(new Period(from, Math.max(from, to), label, detail, tone));
        }

        void open(String what, double from, String label) {
            closeOpen(what, from);
            open.put(what, new Period(from, from, label, "", Tone.DOWN));
        }

        void closeOpen(String what, double to) {
            Period period = open.remove(what);
            if (period != null) {
                periods.add(new Period(period.from(), Math.max(period.from(), to), period.label(), "", Tone.DOWN));
            }
        }

        /** What is still open at the end lasted to the end. */
        void close(double end) {
            new ArrayList<>(open.keySet()).forEach(what -> closeOpen(what, end));
        }

        boolean isEmpty() {
            return periods.isEmpty() && marks.isEmpty();
        }

        Lane build() {
            List<Period> sortedPeriods = new ArrayList<>(periods);
            sortedPeriods.sort(Comparator.comparingDouble(Period::from));
            List<Mark> sortedMarks = new ArrayList<>(marks);
            sortedMarks.sort(Comparator.comparingDouble(Mark::at));
            return new Lane(name, sortedPeriods, sortedMarks);
        }
    }
}
