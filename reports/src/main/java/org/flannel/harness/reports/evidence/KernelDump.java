package org.flannel.harness.reports.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.flannel.harness.reports.model.Scenario;

/**
 * A node's kernel state as the harness dumps it after each scenario ("node1 kernel state.txt": the output
 * of {@code ip -details address show}, {@code ip route show}, {@code ip neigh show}, {@code bridge fdb show},
 * each after a {@code $ command} line), read back by command.
 */
public final class KernelDump {
    private final Map<String, List<String>> sections;

    KernelDump(Map<String, List<String>> sections) {
        this.sections = sections;
    }

    public static KernelDump parse(String text) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : text.lines().toList()) {
            if (line.startsWith("$ ")) {
                current = sections.computeIfAbsent(line.substring(2).strip(), c -> new ArrayList<>());
            } else if (current != null && !line.isBlank()) {
                current.add(line.stripTrailing());
            }
        }
        return new KernelDump(sections);
    }

    /** The dump a scenario attached for a host, when there is one. */
    public static Optional<KernelDump> of(Scenario scenario, String host) {
        return scenario.attachments().stream()
                .filter(a -> a.name().equals(host + " kernel state.txt"))
                .findFirst()
                .map(a -> parse(a.text()));
    }

    /** The lines a command printed that satisfy {@code filter}. */
    public List<String> lines(String command, Predicate<String> filter) {
        return sections.getOrDefault(command, List.of()).stream().filter(filter).toList();
    }
}
