package org.flannel.harness.steps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One scenario's wall time on one driver, as kept between runs in a tab-separated file. */
record ScenarioTiming(String key, String name, String status, Duration wall, Duration ready) {

    static void write(Path file, List<ScenarioTiming> timings) throws IOException {
        String text = timings.stream()
                .map(t -> String.join(
                        "\t",
                        t.key,
                        t.status,
                        Long.toString(t.wall.toMillis()),
                        t.ready == null ? "-" : Long.toString(t.ready.toMillis()),
                        t.name.replace('\t', ' ')))
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, text);
    }

    static Map<String, ScenarioTiming> read(Path file) throws IOException {
        Map<String, ScenarioTiming> timings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t", 5);
            if (f.length == 5) {
                timings.put(
                        f[0],
                        new ScenarioTiming(
                                f[0],
                                f[4],
                                f[1],
                                Duration.ofMillis(Long.parseLong(f[2])),
                                f[3].equals("-") ? null : Duration.ofMillis(Long.parseLong(f[3]))));
            }
        }
        return timings;
    }

    static Map<String, ScenarioTiming> byKey(List<ScenarioTiming> timings) {
        Map<String, ScenarioTiming> map = new LinkedHashMap<>();
        timings.forEach(t -> map.put(t.key, t));
        return map;
    }
}
