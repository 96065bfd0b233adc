package org.flannel.harness.topology.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flannel.harness.topology.TopologyException;
import org.junit.jupiter.api.Test;

class RunPrefixTest {
    @Test
    void aFreeConfiguredPrefixIsTakenAsItIs() {
        assertThat(RunPrefix.choose(Optional.of("ci42"), prefix -> false, prefix -> ""))
                .isEqualTo("ci42");
    }

    @Test
    void aConfiguredPrefixMustBeShortAndLowerCase() {
        for (String bad : List.of("Fc01", "1abc", "f", "fc-01", "abcdefghi")) {
            assertThatThrownBy(() -> RunPrefix.choose(Optional.of(bad), prefix -> false, prefix -> ""))
                    .isInstanceOf(TopologyException.class)
                    .hasMessageContaining("'" + bad + "' must match");
        }
    }

    @Test
    void aConfiguredPrefixInUseIsRefusedSayingWhatHoldsIt() {
        assertThatThrownBy(() ->
                        RunPrefix.choose(Optional.of("ci42"), "ci42"::equals, prefix -> "namespaces " + prefix + "-*"))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("'ci42' is in use (namespaces ci42-*)");
    }

    @Test
    void aRandomPrefixSkipsThoseInUse() {
        List<String> asked = new ArrayList<>();

        String prefix =
                RunPrefix.choose(Optional.empty(), candidate -> asked.add(candidate) && asked.size() <= 3, p -> "");

        assertThat(prefix).matches("fc[0-9a-f]{4}").isEqualTo(asked.get(3));
        assertThat(asked).hasSize(4);
    }

    @Test
    void whenEveryTryIsInUseItGivesUp() {
        assertThatThrownBy(() -> RunPrefix.choose(Optional.empty(), candidate -> true, prefix -> ""))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("no free run prefix after 100 tries");
    }
}
