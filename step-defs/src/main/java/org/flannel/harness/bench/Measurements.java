package org.flannel.harness.bench;

import java.util.ArrayList;
import java.util.List;
import org.flannel.harness.contracts.bench.BenchFigure;
import org.flannel.harness.contracts.bench.LagSeries;

/** Everything the run measured so far, in the contract's records; phases add to it through a {@link Scope}. */
final class Measurements {
    private final List<BenchFigure> figures = new ArrayList<>();
    private final List<LagSeries> series = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    synchronized List<BenchFigure> figures() {
        return List.copyOf(figures);
    }

    synchronized List<LagSeries> series() {
        return List.copyOf(series);
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    Scope scope(String backend, int nodes, String implementation) {
        return new Scope(backend, nodes, implementation);
    }

    /** One backend, cluster size and implementation. */
    final class Scope {
        private final String backend;
        private final int nodes;
        private final String implementation;

        private Scope(String backend, int nodes, String implementation) {
            this.backend = backend;
            this.nodes = nodes;
            this.implementation = implementation;
        }

        void figure(String metric, String unit, Double value) {
            synchronized (Measurements.this) {
                figures.add(new BenchFigure(backend, nodes, metric, unit, implementation, value));
            }
        }

        /** The metric's median, p99 and max in ms, and its samples for the page's distribution. */
        void lags(String phase, List<Double> millis) {
            if (millis.isEmpty()) {
                notMeasurable(phase, "no sample");
                return;
            }
            Summary summary = Summary.of(millis);
            figure(phase + ": median", "ms", summary.median());
            figure(phase + ": p99", "ms", summary.p99());
            figure(phase + ": max", "ms", summary.max());
            synchronized (Measurements.this) {
                series.add(new LagSeries(backend, nodes, phase, implementation, millis));
            }
        }

        void notMeasurable(String metric, String why) {
            figure(metric, "", null);
            note(metric + ": not measurable (" + why + ")");
        }

        void note(String text) {
            String line = backend + " N=" + nodes + " " + implementation + ": " + text;
            synchronized (Measurements.this) {
                if (!notes.contains(line)) {
                    notes.add(line);
                }
            }
        }
    }
}
