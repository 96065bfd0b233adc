package org.flannel.harness.contracts.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Cucumber's statuses, as the plugin's events and the message stream name them, become one outcome each. */
class OutcomeTest {

    @Test
    void whatRanIsTakenAsItIs() {
        assertThat(Outcome.of("PASSED", true)).isEqualTo(Outcome.PASSED);
        assertThat(Outcome.of("failed", true)).isEqualTo(Outcome.FAILED);
        assertThat(Outcome.of("UNDEFINED", true).failing()).isTrue();
        assertThat(Outcome.of("AMBIGUOUS", false)).isEqualTo(Outcome.AMBIGUOUS);
    }

    @Test
    void whatDidNotRunIsNotApplicableOnlyWhenItsBackendIsNotDeclared() {
        for (String status : new String[] {"SKIPPED", "UNUSED", "UNKNOWN"}) {
            assertThat(Outcome.of(status, true)).as(status).isEqualTo(Outcome.SKIPPED);
            assertThat(Outcome.of(status, false)).as(status).isEqualTo(Outcome.NOT_APPLICABLE);
        }
    }

    @Test
    void anUnknownStatusIsRefused() {
        assertThatThrownBy(() -> Outcome.of("MAYBE", true)).hasMessageContaining("MAYBE");
    }
}
