package org.flannel.harness.reports.drawing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.flannel.harness.reports.evidence.FaultTimeline;
import org.flannel.harness.reports.model.Attachment;
import org.flannel.harness.reports.model.Status;

/**
 * A fault scenario on a time axis (inline SVG, seconds since it began): a row per step, its bar from its start to
 * its end (faults red, checks green or red by their verdict); a lane for etcd and one per node with what happened to
 * them (faults as red triangles, periods such as etcd down shaded, checks and tables read with their verdicts, files
 * attached as squares that link to them); a lane per ping left running, each request green when answered, red when
 * lost, grey when still in flight. Every fault step draws a dashed line across all of it. Every shape has a title:
 * hovering it says what, when, and the verdict.
 */
public final class TimelinePicture {
    static final int WIDTH = 1100;
    static final int LABEL_WIDTH = 330;
    static final int PLOT_LEFT = 340;
    static final int PLOT_RIGHT = WIDTH - 24;
    static final int AXIS = 26;
    static final int STEP_ROW = 18;
    static final int LANE_ROW = 28;
    static final int GAP = 10;
    /** Characters of a step's text that fit its label column at the drawing's font size. */
    static final int LABEL_CHARS = 56;

    private static final double[] STEPS = {0.5, 1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600};

    private TimelinePicture() {}

    /**
     * @param timeline the scenario over time
     * @param id       the figure's id, unique on its page
     * @param href     the link to an attached file, from the page the drawing is on
     */
    public static String render(FaultTimeline timeline, String id, Function<Attachment, String> href) {
        double length = Math.max(timeline.length(), 1);
        Scale x = new Scale(length);
        int stepsTop = AXIS;
        int lanesTop = stepsTop + timeline.steps().size() * STEP_ROW + GAP;
        int pingsTop = lanesTop + timeline.lanes().size() * LANE_ROW;
        int bottom = pingsTop + timeline.pings().size() * LANE_ROW + GAP;
        int height = bottom + AXIS;
        String title = "the scenario over time: " + timeline.scenario().name();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"timeline\" id=\"")
                .append(Html.esc(id))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.esc(title))
                .append("\" data-seconds=\"")
                .append(num(timeline.length()))
                .append("\"><title>")
                .append(Html.esc(title))
                .append("</title>\n");
        axis(svg, x, stepsTop, bottom);
        for (FaultTimeline.StepSpan span : timeline.steps()) {
            if (span.executed() && span.kind() == FaultTimeline.Kind.FAULT) {
                svg.append("<line class=\"fault-line\" x1=\"")
                        .append(num(x.of(span.start())))
                        .append("\" x2=\"")
                        .append(num(x.of(span.start())))
                        .append("\" y1=\"")
                        .append(stepsTop)
                        .append("\" y2=\"")
                        .append(bottom)
                        .append("\"/>");
            }
        }
        svg.append('\n');
        int y = stepsTop;
        int row = 0;
        for (FaultTimeline.StepSpan span : timeline.steps()) {
            step(svg, x, span, y, row++);
            y += STEP_ROW;
        }
        y = lanesTop;
        for (FaultTimeline.Lane lane : timeline.lanes()) {
            lane(svg, x, lane, y, href);
            y += LANE_ROW;
        }
        for (FaultTimeline.PingTrack track : timeline.pings()) {
            ping(svg, x, track, y);
            y += LANE_ROW;
        }
        return svg.append("</svg>\n").toString();
    }

    /** Seconds to x. */
    record Scale(double length) {
        double of(double seconds) {
            return PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * Math.max(0, Math.min(seconds, length)) / length;
        }

        double width(double seconds) {
            return (PLOT_RIGHT - PLOT_LEFT) * Math.max(0, seconds) / length;
        }
    }

    /** The time axis above and below, and its grid. */
    private static void axis(StringBuilder svg, Scale x, int top, int bottom) {
        double step = tickStep(x.length());
        svg.append("<g class=\"axis\">");
        for (double t = 0; t <= x.length() + 1e-9; t += step) {
            double at = x.of(t);
            String label = seconds(t, step);
            svg.append("<line class=\"grid\" x1=\"")
                    .append(num(at))
                    .append("\" x2=\"")
                    .append(num(at))
                    .append("\" y1=\"")
                    .append(top - 4)
                    .append("\" y2=\"")
                    .append(bottom + 4)
                    .append("\"/>")
                    .append("<text class=\"tick\" x=\"")
                    .append(num(at))
                    .append("\" y=\"")
                    .append(top - 9)
                    .append("\">")
                    .append(label)
                    .append("</text>")
                    .append("<text class=\"tick\" x=\"")
                    .append(num(at))
                    .append("\" y=\"")
                    .append(bottom + 18)
                    .append("\">")
                    .append(label)
                    .append("</text>");
        }
        svg.append("<text class=\"axis-name\" x=\"6\" y=\"")
                .append(top - 9)
                .append("\">seconds since the scenario began →</text>");
        svg.append("</g>\n");
    }

    /** A tick every 0.5, 1, 2, 5, 10 ... seconds: at most 12 of them. */
    static double tickStep(double length) {
        for (double step : STEPS) {
            if (length / step <= 12) {
                return step;
            }
        }
        return Math.ceil(length / 12 / 600) * 600;
    }

    private static String seconds(double t, double step) {
        return step < 1 ? String.format(Locale.ROOT, "%.1f s", t) : String.format(Locale.ROOT, "%d s", Math.round(t));
    }

    private static void step(StringBuilder svg, Scale x, FaultTimeline.StepSpan span, int y, int row) {
        String status = span.step().status().cssClass();
        svg.append("<g class=\"step ")
                .append(span.kind().name().toLowerCase(Locale.ROOT))
                .append(' ')
                .append(status)
                .append("\" data-kind=\"")
                .append(span.kind().word())
                .append("\" data-status=\"")
                .append(status)
                .append("\">");
        if (row % 2 == 0) {
            svg.append("<rect class=\"stripe\" x=\"0\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(WIDTH)
                    .append("\" height=\"")
                    .append(STEP_ROW)
                    .append("\"/>");
        }
        String keyword = span.step().hook() ? "hook" : span.step().keyword();
        String text = span.step().text();
        svg.append("<text class=\"label\" x=\"6\" y=\"")
                .append(y + 13)
                .append("\"><tspan class=\"kw\">")
                .append(Html.esc(keyword))
                .append("</tspan> ")
                .append(Html.esc(fit(text, LABEL_CHARS - keyword.length())))
                .append("<title>")
                .append(Html.esc(span.label()))
                .append("</title></text>");
        boolean skipped = span.step().status() == Status.SKIPPED && span.duration() < 0.05;
        if (span.ran()) {
            double from = x.of(span.start());
            double width = Math.max(3, x.width(span.duration()));
            if (!skipped) {
                svg.append("<rect class=\"bar\" x=\"")
                        .append(num(from))
                        .append("\" y=\"")
                        .append(y + 3)
                        .append("\" width=\"")
                        .append(num(width))
                        .append("\" height=\"")
                        .append(STEP_ROW - 6)
                        .append("\" rx=\"2\"><title>")
                        .append(Html.esc(stepTitle(span)))
                        .append("</title></rect>");
            }
            if (span.step().status() != Status.PASSED) {
                // Beside the bar, or before it where the bar ends at the right edge.
                boolean before = from + width + 60 > PLOT_RIGHT;
                svg.append("<text class=\"verdict\" x=\"")
                        .append(num(before ? from - 4 : from + width + 4))
                        .append("\" y=\"")
                        .append(y + 13)
                        .append('"')
                        .append(before ? " text-anchor=\"end\"" : "")
                        .append('>')
                        .append(Html.esc(span.step().status().word()))
                        .append("<title>")
                        .append(Html.esc(stepTitle(span)))
                        .append("</title></text>");
            }
        } else {
            svg.append("<text class=\"verdict\" x=\"")
                    .append(PLOT_LEFT + 4)
                    .append("\" y=\"")
                    .append(y + 13)
                    .append("\">not run</text>");
        }
        for (FaultTimeline.Note note : span.notes()) {
            svg.append("<circle class=\"note\" cx=\"")
                    .append(num(x.of(note.at())))
                    .append("\" cy=\"")
                    .append(y + STEP_ROW / 2)
                    .append("\" r=\"3.5\"><title>")
                    .append(Html.esc(time(note.at()) + ": " + note.text()))
                    .append("</title></circle>");
        }
        svg.append("</g>\n");
    }

    private static String stepTitle(FaultTimeline.StepSpan span) {
        StringBuilder title = new StringBuilder(span.label())
                .append('\n')
                .append(span.kind().word())
                .append(", ")
                .append(span.step().status().word())
                .append(", from ")
                .append(time(span.start()))
                .append(" to ")
                .append(time(span.end()));
        if (span.step().message() != null && !span.step().message().isBlank()) {
            title.append('\n').append(fit(span.step().message().strip(), 600));
        }
        return title.toString();
    }

    /** The band behind a lane's marks, the full width of the plot. */
    private static void laneBackground(StringBuilder svg, int y) {
        svg.append("<rect class=\"lane-bg\" x=\"")
                .append(PLOT_LEFT)
                .append("\" y=\"")
                .append(y + 2)
                .append("\" width=\"")
                .append(PLOT_RIGHT - PLOT_LEFT)
                .append("\" height=\"")
                .append(LANE_ROW - 4)
                .append("\"/>");
    }

    private static void lane(
            StringBuilder svg, Scale x, FaultTimeline.Lane lane, int y, Function<Attachment, String> href) {
        int middle = y + LANE_ROW / 2;
        svg.append("<g class=\"lane\" data-lane=\"")
                .append(Html.esc(lane.name()))
                .append("\">");
        laneBackground(svg, y);
        svg.append("<text class=\"lane-name\" x=\"6\" y=\"")
                .append(middle + 4)
                .append("\">")
                .append(Html.esc(lane.name()))
                .append("</text>");
        for (FaultTimeline.Period period : lane.periods()) {
            double from = x.of(period.from());
            double width = Math.max(3, x.width(period.duration()));
            svg.append("<rect class=\"period ")
                    .append(period.tone().cssClass())
                    .append("\" x=\"")
                    .append(num(from))
                    .append("\" y=\"")
                    .append(y + 5)
                    .append("\" width=\"")
                    .append(num(width))
                    .append("\" height=\"")
                    .append(LANE_ROW - 10)
                    .append("\"><title>")
                    .append(Html.esc((period.detail().isEmpty() ? period.label() : period.detail())
                            + "\nfrom " + time(period.from()) + " to "
                            + time(period.to()) + " (" + String.format(Locale.ROOT, "%.1f s", period.duration()) + ")"))
                    .append("</title></rect>");
            if (width > 50) {
                svg.append("<text class=\"period-label\" x=\"")
                        .append(num(from + 4))
                        .append("\" y=\"")
                        .append(middle + 4)
                        .append("\">")
                        .append(Html.esc(fit(period.label(), (int) (width / 6.2))))
                        .append("</text>");
            }
        }
        for (FaultTimeline.Mark mark : lane.marks()) {
            double at = x.of(mark.at());
            String title = Html.esc(
                    time(mark.at()) + ": " + mark.label() + (mark.detail().isBlank() ? "" : "\n" + mark.detail()));
            String shape = shape(mark.tone(), at, middle);
            String link = mark.attachment().map(href).orElse("");
            svg.append("<g class=\"mark ").append(mark.tone().cssClass()).append("\">");
            if (!link.isEmpty()) {
                svg.append("<a href=\"").append(Html.esc(link)).append("\">");
            }
            svg.append(shape.replace("/>", "><title>" + title + "</title></" + shapeName(shape) + ">"));
            if (!link.isEmpty()) {
                svg.append("</a>");
            }
            svg.append("</g>");
        }
        svg.append("</g>\n");
    }

    /**
     * A fault is a triangle pointing down, a check a circle, a kernel table read a rounded square, a file a square, a
     * note a diamond.
     */
    private static String shape(FaultTimeline.Tone tone, double at, int middle) {
        return switch (tone) {
            case TABLE_PASSED, TABLE_FAILED ->
                "<rect x=\"" + num(at - 5) + "\" y=\"" + (middle - 5) + "\" width=\"10\" height=\"10\" rx=\"3\"/>";
            case FAULT ->
                "<path d=\"M" + num(at - 6) + " " + (middle - 7) + " L" + num(at + 6) + " " + (middle - 7) + " L"
                        + num(at) + " " + (middle + 5) + " Z\"/>";
            case EVIDENCE -> "<rect x=\"" + num(at - 4) + "\" y=\"" + (middle - 4) + "\" width=\"8\" height=\"8\"/>";
            case NOTE ->
                "<path d=\"M" + num(at) + " " + (middle - 6) + " L" + num(at + 5) + " " + middle + " L" + num(at) + " "
                        + (middle + 6) + " L" + num(at - 5) + " " + middle + " Z\"/>";
            default ->
                "<circle cx=\"" + num(at) + "\" cy=\"" + middle + "\" r=\""
                        + (tone == FaultTimeline.Tone.SETUP ? 3.5 : 5) + "\"/>";
        };
    }

    private static String shapeName(String shape) {
        return shape.substring(1, shape.indexOf(' '));
    }

    /** The requests of a ping, runs of the same state drawn as one bar each. */
    private static void ping(StringBuilder svg, Scale x, FaultTimeline.PingTrack track, int y) {
        int middle = y + LANE_ROW / 2;
        svg.append("<g class=\"ping\" data-source=\"")
                .append(Html.esc(track.series().source()))
                .append("\" data-destination=\"")
                .append(Html.esc(track.series().destination()))
                .append("\">");
        laneBackground(svg, y);
        svg.append("<text class=\"lane-name\" x=\"6\" y=\"")
                .append(middle - 1)
                .append("\">pings ")
                .append(Html.esc(track.label()))
                .append("</text>")
                .append("<text class=\"lane-sub\" x=\"6\" y=\"")
                .append(middle + 10)
                .append("\">")
                .append(Html.esc(counts(track)))
                .append("</text>");
        for (List<FaultTimeline.Tick> run : track.runs()) {
            FaultTimeline.Tick first = run.get(0);
            FaultTimeline.Tick last = run.get(run.size() - 1);
            double from = x.of(first.at());
            double width = Math.max(1.5, x.of(last.at() + track.interval()) - from - 0.5);
            String seqs = first.seq() == last.seq()
                    ? "icmp_seq " + first.seq()
                    : "icmp_seq " + first.seq() + "–" + last.seq();
            svg.append("<rect class=\"")
                    .append(first.state().cssClass())
                    .append("\" data-seq=\"")
                    .append(first.seq())
                    .append(first.seq() == last.seq() ? "" : "-" + last.seq())
                    .append("\" x=\"")
                    .append(num(from))
                    .append("\" y=\"")
                    .append(y + 6)
                    .append("\" width=\"")
                    .append(num(width))
                    .append("\" height=\"")
                    .append(LANE_ROW - 12)
                    .append("\"><title>")
                    .append(Html.esc(seqs + " " + first.state().word() + ", sent from " + time(first.at()) + " to "
                            + time(last.at())))
                    .append("</title></rect>");
        }
        svg.append("</g>\n");
    }

    /** "60 answered · 2 lost · 5 in flight". */
    public static String counts(FaultTimeline.PingTrack track) {
        List<String> parts = new ArrayList<>();
        parts.add(track.count(FaultTimeline.PingState.ANSWERED) + " answered");
        parts.add(track.count(FaultTimeline.PingState.LOST) + " lost");
        long inFlight = track.count(FaultTimeline.PingState.IN_FLIGHT);
        if (inFlight > 0) {
            parts.add(inFlight + " in flight");
        }
        return String.join(" · ", parts);
    }

    /** "12.3 s". */
    public static String time(double seconds) {
        return Double.isNaN(seconds) ? "—" : String.format(Locale.ROOT, "%.1f s", seconds);
    }

    static String fit(String text, int chars) {
        String line = text.replace('\n', ' ');
        return line.length() <= chars
                ? line
                : line.substring(0, Math.max(1, chars - 1)).stripTrailing() + "…";
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
