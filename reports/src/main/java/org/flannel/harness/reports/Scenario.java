package org.flannel.harness.reports;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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
 * @param line        its line in the feature file
 * @param status      its verdict ({@link Status#NOT_RUN} when the run did not execute it)
 * @param steps       its steps and hooks, in order
 * @param attachments what its steps and hooks attached
 */
public record Scenario(String id, String slug, String featureUri, String name, String description, List<String> tags,
        int line, Status status, List<Step> steps, List<Attachment> attachments) {

    /** The requirement ID tag's form: {@code @R-VXLAN-FRAME-01}. */
    public static final Pattern REQUIREMENT_TAG = Pattern.compile("^@R-[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-[0-9]{2}$");
    static final List<String> LEVELS = List.of("@must", "@should", "@may");
    static final List<String> BACKENDS = List.of("@vxlan", "@udp", "@host-gw");

    public Scenario {
        tags = List.copyOf(tags);
        steps = List.copyOf(steps);
        attachments = List.copyOf(attachments);
    }

    /** Requirement IDs without the {@code @}: {@code R-VXLAN-FRAME-01}. */
    public List<String> requirementIds() {
        return tags.stream().filter(tag -> REQUIREMENT_TAG.matcher(tag).matches()).map(tag -> tag.substring(1)).toList();
    }

    /** must, should or may, when tagged. */
    public Optional<String> level() {
        return tags.stream().filter(LEVELS::contains).map(tag -> tag.substring(1)).findFirst();
    }

    /** The backends it exercises, by tag: vxlan, udp, host-gw (two for side-by-side networks). */
    public List<String> backends() {
        return tags.stream().filter(BACKENDS::contains).map(tag -> tag.substring(1)).toList();
    }

    public boolean isInterop() {
        return tags.contains("@interop") || featureUri.contains("/interop/");
    }

    /** The line of the description starting with {@code Source:}, when there is one. */
    public Optional<String> source() {
        return description.lines().map(String::strip).filter(line -> line.startsWith("Source:")).findFirst()
                .map(line -> line.substring("Source:".length()).strip());
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
        return steps.stream().filter(step -> step.message() != null && !step.message().isBlank())
                .map(Step::message).findFirst();
    }
}
