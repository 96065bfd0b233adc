package org.flannel.harness.reports.model;

import java.util.List;

/**
 * A feature file of the run, with its scenarios.
 *
 * @param uri         as Cucumber names it: {@code classpath:features/vxlan/02-frame-format.feature}
 * @param name        the feature's name
 * @param description its description (the features quote the seed there)
 * @param tags        the feature's own tags
 * @param scenarios   its scenarios in the run, in file order
 */
public record Feature(String uri, String name, String description, List<String> tags, List<Scenario> scenarios) {

    public Feature {
        tags = List.copyOf(tags);
        scenarios = List.copyOf(scenarios);
    }

    /** The path below the features folder: {@code vxlan/02-frame-format.feature}. */
    public String path() {
        return pathOf(uri);
    }

    static String pathOf(String uri) {
        String path = uri.replaceFirst("^[a-z]+:", "");
        int at = path.lastIndexOf("features/");
        return at >= 0 ? path.substring(at + "features/".length()) : path.replaceFirst("^/+", "");
    }

    /** The backend folder it lives in ({@code vxlan}, {@code udp}, {@code host-gw}, {@code interop}) or "". */
    public String folder() {
        String path = path();
        int slash = path.indexOf('/');
        return slash > 0 ? path.substring(0, slash) : "";
    }

    public Status status() {
        return Status.worst(scenarios.stream()
                .map(Scenario::status)
                .filter(s -> s != Status.NOT_RUN)
                .toList());
    }
}
