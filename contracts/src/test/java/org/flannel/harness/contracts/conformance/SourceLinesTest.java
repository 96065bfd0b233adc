package org.flannel.harness.contracts.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceLinesTest {
    private static final String DESCRIPTION = """
              Source: seed: "the VTEP's MAC" ; flannel-behaviour.md §4.5 Per remote lease: EventAdded
              Some prose that mentions Source: in passing.
            Source:   flannel-behaviour.md §3 Leases  \s
            """;

    @Test
    void readsEveryLineThatStartsWithSource() {
        assertThat(SourceLines.of(DESCRIPTION))
                .containsExactly(
                        "seed: \"the VTEP's MAC\" ; flannel-behaviour.md §4.5 Per remote lease: EventAdded",
                        "flannel-behaviour.md §3 Leases");
        assertThat(SourceLines.joined(DESCRIPTION))
                .isEqualTo("seed: \"the VTEP's MAC\" ; flannel-behaviour.md §4.5"
                        + " Per remote lease: EventAdded / flannel-behaviour.md §3 Leases");
    }

    @Test
    void aDescriptionWithoutOneHasNone() {
        assertThat(SourceLines.of("just prose")).isEmpty();
        assertThat(SourceLines.of(null)).isEmpty();
        assertThat(SourceLines.joined("")).isEmpty();
    }

    @Test
    void splitsALineIntoItsReferences() {
        assertThat(SourceLines.references(SourceLines.of(DESCRIPTION).get(0)))
                .containsExactly("seed: \"the VTEP's MAC\"", "flannel-behaviour.md §4.5 Per remote lease: EventAdded");
    }
}
