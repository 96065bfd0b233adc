package org.flannel.harness.contracts.conformance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * A requirement's level, from its scenario's {@code @must}, {@code @should} or {@code @may} tag. A scenario
 * without one is {@link #UNTAGGED}, which the build verdict judges as MUST so that nothing slips through.
 */
public enum Level {
    MUST,
    SHOULD,
    MAY,
    UNTAGGED;

    /** The tag as written on a scenario ({@code @must}); none for {@link #UNTAGGED}. */
    public Optional<String> tag() {
        return this == UNTAGGED ? Optional.empty() : Optional.of("@" + json());
    }

    public static Optional<Level> fromTag(String tag) {
        for (Level level : values()) {
            if (level.tag().filter(tag::equals).isPresent()) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** Does a failure at this level fail the build? MUST and untagged always; SHOULD only when strict. */
    public boolean failsTheBuild(boolean strict) {
        return switch (this) {
            case MUST, UNTAGGED -> true;
            case SHOULD -> strict;
            case MAY -> false;
        };
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Level fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
