package org.flannel.harness.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Waits until every node's kernel reported routes added (or deleted), and gives the lags. */
final class Programmed {
    private Programmed() {}

    /** Per node, per destination: when the kernel reported it, or absent if it did not within the limit. */
    static Map<RouteMonitor, Map<String, Instant>> await(
            Map<RouteMonitor, ? extends Collection<String>> expected, boolean added, Instant since, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        Map<RouteMonitor, Map<String, Instant>> seen = new HashMap<>();
        expected.keySet().forEach(monitor -> seen.put(monitor, new HashMap<>()));
        while (true) {
            boolean all = true;
            for (var entry : expected.entrySet()) {
                Map<String, Instant> found = seen.get(entry.getKey());
                for (String destination : entry.getValue()) {
                    if (!found.containsKey(destination)) {
                        Optional<Instant> at = entry.getKey().first(destination, added, since);
                        if (at.isPresent()) {
                            found.put(destination, at.get());
                        } else {
                            all = false;
                        }
                    }
                }
            }
            if (all || Instant.now().isAfter(deadline)) {
                return seen;
            }
            sleep(Duration.ofMillis(20));
        }
    }

    /** Every lag (ms from {@code since}) found, one per node and destination. */
    static List<Double> lags(Map<RouteMonitor, Map<String, Instant>> seen, Instant since) {
        List<Double> lags = new ArrayList<>();
        seen.values().forEach(found -> found.values().forEach(at -> lags.add(millisBetween(since, at))));
        return lags;
    }

    /** Per node, the lag until its last destination was reported (ms); nodes missing any are left out. */
    static List<Double> completionLags(
            Map<RouteMonitor, Map<String, Instant>> seen,
            Map<RouteMonitor, ? extends Collection<String>> expected,
            Instant since) {
        List<Double> lags = new ArrayList<>();
        for (var entry : seen.entrySet()) {
            if (entry.getValue().size() == expected.get(entry.getKey()).size()) {
                entry.getValue().values().stream()
                        .max(Instant::compareTo)
                        .ifPresentOrElse(last -> lags.add(millisBetween(since, last)), () -> lags.add(0.0));
            }
        }
        return lags;
    }

    /** How many (node, destination) pairs were not reported. */
    static int missing(
            Map<RouteMonitor, Map<String, Instant>> seen, Map<RouteMonitor, ? extends Collection<String>> expected) {
        int missing = 0;
        for (var entry : expected.entrySet()) {
            missing += entry.getValue().size() - seen.get(entry.getKey()).size();
        }
        return missing;
    }

    static double millisBetween(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
