package org.flannel.harness.reports.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flannel.harness.contracts.conformance.Backends;
import org.flannel.harness.contracts.conformance.RequirementTags;
import org.flannel.harness.contracts.conformance.SourceLines;

/**
 * One scenario of the run (one pickle: an outline's example is one too), with its steps, its verdict and
 * everything attached to it.
 *
 * @param id          the pickle's id
 * @param slug        a file name for its page, unique in the run
 * @param featureUri  the feature file it comes from, as Cucumber names it (classpath:features/vxlan/...)
 * @param name        its name
 * @param description the scenario's description in the feature file (may hold a {@code Source:} line)
 * @param tags        its tags, the feature's included ({@code @vxlan}, {@code @R-VXLAN-FRAME-01}, {@code @must})
 * @param written     where and how it is written in the feature file
 * @param status      its verdict ({@link Status#NOT_RUN} when the run did not execute it)
 * @param steps       its steps and hooks, in order
 * @param attachments what its steps and hooks attached
 * @param started     when it started (null when it did not run, or the messages do not say)
 * @param finished    when it finished (null when it did not finish)
 */
public record Scenario(
        String id,
        String slug,
        String featureUri,
        String name,
        String description,
        List<String> tags,
        Written written,
        Status status,
        List<Step> steps,
        List<Attachment> attachments,
        Instant started,
        Instant finished) {

    /**
     * A scenario as written: its title (an outline's with its placeholders), the line of its Scenario or
     * Scenario Outline, and for an outline's example the line of its row (else that same line).
     */
    public record Written(String title, int line, int exampleLine) {
        public static Written at(String title, int line) {
            return new Written(title, line, line);
        }
    }

    public Scenario {
        tags = List.copyOf(tags);
        steps = List.copyOf(steps);
        attachments = List.copyOf(attachments);
    }

    /** A scenario without its times. */
    public Scenario(
            String id,
            String slug,
            String featureUri,
            String name,
            String description,
            List<String> tags,
            Written written,
            Status status,
            List<Step> steps,
            List<Attachment> attachments) {
        this(id, slug, featureUri, name, description, tags, written, status, steps, attachments, null, null);
    }

    /** Requirement IDs without the {@code @}: {@code R-VXLAN-FRAME-01}. */
    public List<String> requirementIds() {
        return tags.stream()
                .filter(tag -> RequirementTags.ID.matcher(tag).matches())
                .map(tag -> tag.substring(1))
                .toList();
    }

    /** Its requirement as the conformance report reads its tags: ID, level, backends. */
    public RequirementTags requirement() {
        return RequirementTags.parse(tags);
    }

    /** must, should or may, when tagged. */
    public Optional<String> level() {
        return requirement().level().tag().map(tag -> tag.substring(1));
    }

    /** The backends it exercises, by tag: vxlan, udp, host-gw (two for side-by-side networks). */
    public List<String> backends() {
        return List.copyOf(Backends.of(tags));
    }

    public boolean isInterop() {
        return tags.contains("@interop") || featureUri.contains("/interop/");
    }

    /** What the description's {@code Source:} line says, when there is one. */
    public Optional<String> source() {
        return SourceLines.of(description).stream().findFirst();
    }

    /** The feature file's path below {@code features/}: {@code vxlan/02-frame-format.feature}. */
    public String featurePath() {
        return Feature.pathOf(featureUri);
    }

    public List<Attachment> attachments(String mediaType) {
        return attachments.stream().filter(a -> a.mediaType().equals(mediaType)).toList();
    }

    /** The first failure message of its steps, if any. */
    public Optional<String> failureMessage() {
        return steps.stream()
                .filter(step -> step.message() != null && !step.message().isBlank())
                .map(Step::message)
                .findFirst();
    }
}
