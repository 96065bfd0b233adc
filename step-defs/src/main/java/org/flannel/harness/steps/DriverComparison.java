package org.flannel.harness.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The same scenarios' wall times on network namespaces and on Docker, side by side, with the ratio. */
final class DriverComparison {
    private DriverComparison() {}

    static String table(Map<String, ScenarioTiming> netns, Map<String, ScenarioTiming> docker) {
        StringBuilder out = new StringBuilder(
                "Drivers side by side (wall time per scenario, set-up included; same scenarios, same machine):\n");
        out.append(String.format(Locale.ROOT, "  %8s %8s %6s  %s%n", "netns", "docker", "ratio", "scenario"));
        List<Double> ratios = new ArrayList<>();
        double netnsTotal = 0;
        double dockerTotal = 0;
        for (Map.Entry<String, ScenarioTiming> entry : netns.entrySet()) {
            ScenarioTiming onDocker = docker.get(entry.getKey());
            if (onDocker == null) {
                continue;
            }
            double a = entry.getValue().wall().toMillis() / 1000.0;
            double b = onDocker.wall().toMillis() / 1000.0;
            double ratio = a > 0 ? b / a : Double.NaN;
            ratios.add(ratio);
            netnsTotal += a;
            dockerTotal += b;
            out.append(String.format(
                    Locale.ROOT,
                    "  %7.1fs %7.1fs %5.2fx  %s%n",
                    a,
                    b,
                    ratio,
                    entry.getValue().name()));
        }
        if (ratios.isEmpty()) {
            return out.append("  (no scenario ran on both)").toString();
        }
        ratios.sort(Double::compare);
        out.append(String.format(
                Locale.ROOT,
                "  %7.1fs %7.1fs %5.2fx  total of %d scenarios; median ratio %.2fx, worst %.2fx"
                        + " (target: docker within 3x)",
                netnsTotal,
                dockerTotal,
                dockerTotal / netnsTotal,
                ratios.size(),
                ratios.get(ratios.size() / 2),
                ratios.get(ratios.size() - 1)));
        return out.toString();
    }
}
