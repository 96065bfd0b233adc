package org.flannel.harness.contracts.conformance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a pickle's tags say about its requirement: one ID ({@code @R-VXLAN-FDB-01}), one level
 * ({@code @must}, {@code @should}, {@code @may}) and its backends. A scenario without an ID or level is
 * reported as it is (ID "(none)", level "untagged") rather than refused; malformed or doubled tags are
 * warned about.
 */
public record RequirementTags(Optional<String> id, Level level, Set<String> backends, List<String> problems) {
    public static final String NO_ID = "(none)";
    public static final Pattern ID = Pattern.compile("^@R-[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-[0-9]{2}$");

    public static RequirementTags parse(Collection<String> tags) {
        List<String> ids = new ArrayList<>();
        List<Level> levels = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String tag : tags) {
            if (ID.matcher(tag).matches()) {
                if (!ids.contains(tag)) {
                    ids.add(tag);
                }
            } else if (tag.regionMatches(true, 0, "@R-", 0, 3)) {
                problems.add("malformed requirement tag " + tag + " (expected e.g. @R-VXLAN-FDB-01)");
            }
            Level.fromTag(tag).filter(level -> !levels.contains(level)).ifPresent(levels::add);
        }
        if (ids.size() > 1) {
            problems.add("more than one requirement tag " + ids + "; counted under " + ids.get(0));
        }
        if (levels.size() > 1) {
            problems.add("more than one level tag "
                    + levels.stream().map(l -> l.tag().orElseThrow()).toList() + "; judged at the strictest");
        }
        Level level = levels.stream().min(Enum::compareTo).orElse(Level.UNTAGGED);
        return new RequirementTags(
                ids.stream().findFirst().map(tag -> tag.substring(1)), level, Backends.of(tags), List.copyOf(problems));
    }

    public String idOrNone() {
        return id.orElse(NO_ID);
    }
}
