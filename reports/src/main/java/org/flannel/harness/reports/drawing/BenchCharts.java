package org.flannel.harness.reports.drawing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/** The performance page's SVG charts: a figure against N per implementation, and lag distributions (CDFs). */
public final class BenchCharts {
    static final List<String> COLOURS = List.of("#1f5f99", "#c0392b", "#2e9e4f", "#8e44ad", "#d68910");
    private static final int WIDTH = 460;
    private static final int HEIGHT = 260;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 44;

    private BenchCharts() {}

    public static String colour(int index) {
        return COLOURS.get(index % COLOURS.size());
    }

    /** One line per implementation (in the map's order): its value at each N. */
    public static String againstN(String title, String unit, Map<String, SortedMap<Integer, Double>> series) {
        List<Integer> sizes = new ArrayList<>();
        double top = 0;
        for (SortedMap<Integer, Double> line : series.values()) {
            for (var point : line.entrySet()) {
                if (!sizes.contains(point.getKey())) {
                    sizes.add(point.getKey());
                }
                top = Math.max(top, point.getValue());
            }
        }
        Collections.sort(sizes);
        double maxN = sizes.isEmpty() ? 1 : sizes.get(sizes.size() - 1);
        double ceiling = niceCeiling(top);
        StringBuilder svg = frame(title, ceiling, unit, "N (nodes)");
        for (int n : sizes) {
            double x = LEFT + plotWidth() * n / maxN;
            svg.append(text(x, HEIGHT - BOTTOM + 14, Integer.toString(n), "middle"));
        }
        int index = 0;
        for (var line : series.entrySet()) {
            StringBuilder points = new StringBuilder();
            for (var point : line.getValue().entrySet()) {
                double x = LEFT + plotWidth() * point.getKey() / maxN;
                double y = y(point.getValue(), ceiling);
                points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
                svg.append("<circle cx=\"")
                        .append(fmt(x))
                        .append("\" cy=\"")
                        .append(fmt(y))
                        .append("\" r=\"3.5\" fill=\"")
                        .append(colour(index))
                        .append("\"><title>")
                        .append(Html.esc(
                                line.getKey() + ", N=" + point.getKey() + ": " + number(point.getValue()) + " " + unit))
                        .append("</title></circle>");
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
                    .append(colour(index))
                    .append("\" points=\"")
                    .append(points.toString().strip())
                    .append("\"/>");
            index++;
        }
        return legend(svg, series.keySet()).append("</svg>").toString();
    }

    /** The empirical distribution of each implementation's lags: the share of samples at or below each time. */
    public static String distribution(String title, Map<String, List<Double>> lags) {
        double top = 0;
        for (List<Double> samples : lags.values()) {
            for (double lag : samples) {
                top = Math.max(top, lag);
            }
        }
        double ceiling = niceCeiling(top);
        StringBuilder svg = openSvg(title);
        svg.append(text(LEFT, 16, title, "start"));
        axes(svg);
        for (int i = 0; i <= 4; i++) {
            double share = i / 4.0;
            double y = TOP + plotHeight() * (1 - share);
            svg.append(text(LEFT - 6, y + 4, Math.round(share * 100) + "%", "end"));
            svg.append(gridLine(y));
            double x = LEFT + plotWidth() * i / 4.0;
            svg.append(text(x, HEIGHT - BOTTOM + 14, number(ceiling * i / 4.0), "middle"));
        }
        svg.append(text(LEFT + plotWidth() / 2.0, HEIGHT - 8, "lag (ms)", "middle"));
        int index = 0;
        for (var entry : lags.entrySet()) {
            List<Double> sorted = new ArrayList<>(entry.getValue());
            Collections.sort(sorted);
            StringBuilder points = new StringBuilder(fmt(LEFT) + "," + fmt(TOP + plotHeight()) + " ");
            for (int i = 0; i < sorted.size(); i++) {
                double x = LEFT + plotWidth() * sorted.get(i) / ceiling;
                points.append(fmt(x))
                        .append(',')
                        .append(fmt(TOP + plotHeight() * (1 - (double) i / sorted.size())))
                        .append(' ');
                points.append(fmt(x))
                        .append(',')
                        .append(fmt(TOP + plotHeight() * (1 - (i + 1.0) / sorted.size())))
                        .append(' ');
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
                    .append(colour(index))
                    .append("\" points=\"")
                    .append(points.toString().strip())
                    .append("\"><title>")
                    .append(Html.esc(entry.getKey() + ": " + sorted.size() + " samples"))
                    .append("</title></polyline>");
            index++;
        }
        return legend(svg, lags.keySet()).append("</svg>").toString();
    }

    /** An SVG element of the charts' size, its title as the tooltip a reader's browser shows. */
    private static StringBuilder openSvg(String title) {
        return new StringBuilder()
                .append("<svg class=\"bench-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" role=\"img\"><title>")
                .append(Html.esc(title))
                .append("</title>");
    }

    private static StringBuilder frame(String title, double ceiling, String unit, String xLabel) {
        StringBuilder svg = openSvg(title);
        svg.append(text(LEFT, 16, title + " (" + unit + ")", "start"));
        axes(svg);
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotHeight() * (1 - i / 4.0);
            svg.append(text(LEFT - 6, y + 4, number(ceiling * i / 4.0), "end"));
            svg.append(gridLine(y));
        }
        svg.append(text(LEFT + plotWidth() / 2.0, HEIGHT - 8, xLabel, "middle"));
        return svg;
    }

    private static void axes(StringBuilder svg) {
        svg.append("<path fill=\"none\" stroke=\"#555\" d=\"M")
                .append(LEFT)
                .append(',')
                .append(TOP)
                .append(" V")
                .append(TOP + plotHeight())
                .append(" H")
                .append(LEFT + plotWidth())
                .append("\"/>");
    }

    private static String gridLine(double y) {
        return "<line stroke=\"#e3e6ea\" x1=\"" + (LEFT + 1) + "\" x2=\"" + (LEFT + plotWidth()) + "\" y1=\"" + fmt(y)
                + "\" y2=\"" + fmt(y) + "\"/>";
    }

    private static StringBuilder legend(StringBuilder svg, Iterable<String> names) {
        int index = 0;
        for (String name : names) {
            double x = LEFT + 12 + index * 130;
            svg.append("<rect x=\"")
                    .append(fmt(x))
                    .append("\" y=\"")
                    .append(TOP - 4)
                    .append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(colour(index))
                    .append("\"/>");
            svg.append(text(x + 14, TOP + 5, name, "start"));
            index++;
        }
        return svg;
    }

    private static String text(double x, double y, String text, String anchor) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-size=\"11\" text-anchor=\"" + anchor + "\">"
                + Html.esc(text) + "</text>";
    }

    private static double y(double value, double ceiling) {
        return TOP + plotHeight() * (1 - value / ceiling);
    }

    private static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    /** 1, 2 or 5 times a power of ten, at or above {@code value}: round figures on the axis. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    public static String number(double value) {
        return Math.abs(value) >= 100 || value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
