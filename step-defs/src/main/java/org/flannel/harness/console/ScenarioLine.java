package org.flannel.harness.console;

import java.time.Duration;
import java.util.Locale;

/**
 * One scenario's line on the console, written when it ends: where the run is (scenario k of n, time
 * since the run began), the verdict, how long the scenario took, its requirement and its name, e.g.
 * {@code [ 3/49  0:41] PASSED     3.2 s  R-HOSTGW-ROUTE-01  host-gw: plain routes ...: a node leaves}.
 */
final class ScenarioLine {
    private ScenarioLine() {}

    /**
     * @param selected how many scenarios the run selected; 0 when unknown (the line then says only k)
     */
    static String format(
            int number,
            int selected,
            Duration elapsed,
            String verdict,
            Duration took,
            String requirement,
            String feature,
            String scenario) {
        String counter = selected >= number
                ? String.format(Locale.ROOT, "%" + digits(selected) + "d/%d", number, selected)
                : String.valueOf(number);
        String title = feature == null || feature.isBlank() ? scenario : feature + ": " + scenario;
        return String.format(
                Locale.ROOT,
                "[%s %5s] %-9s %6.1f s  %s  %s",
                counter,
                clock(elapsed),
                verdict,
                took.toMillis() / 1000.0,
                requirement,
                title);
    }

    /** m:ss, or h:mm:ss from an hour on. */
    static String clock(Duration elapsed) {
        long seconds = Math.max(0, elapsed.toSeconds());
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private static int digits(int value) {
        return String.valueOf(value).length();
    }
}
