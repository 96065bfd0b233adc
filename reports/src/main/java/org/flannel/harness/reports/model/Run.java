package org.flannel.harness.reports.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One run of the features as its Cucumber messages tell it.
 *
 * @param cucumber   Cucumber's implementation and version ({@code cucumber-jvm 7.34.2})
 * @param runtime    the JVM that ran it
 * @param os         the operating system
 * @param started    when the run started (null when the messages do not say)
 * @param finished   when it finished (null when it did not finish: a killed run)
 * @param features   the features, in the order they ran
 */
public record Run(
        String cucumber, String runtime, String os, Instant started, Instant finished, List<Feature> features) {

    public Run {
        features = List.copyOf(features);
    }

    public List<Scenario> scenarios() {
        return features.stream()
                .flatMap(feature -> feature.scenarios().stream())
                .toList();
    }

    public List<Scenario> executed() {
        return scenarios().stream().filter(s -> s.status() != Status.NOT_RUN).toList();
    }

    public Optional<Scenario> scenario(String name) {
        return scenarios().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Feature> featureAt(String pathSuffix) {
        return features.stream().filter(f -> f.path().endsWith(pathSuffix)).findFirst();
    }

    public Status status() {
        return Status.worst(executed().stream().map(Scenario::status).toList());
    }
}
