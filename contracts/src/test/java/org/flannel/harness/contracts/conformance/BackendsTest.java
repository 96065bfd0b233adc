package org.flannel.harness.contracts.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackendsTest {

    @Test
    void parsesADeclarationInTheOrderReportsUse() {
        assertThat(Backends.parse("host-gw, vxlan")).containsExactly("vxlan", "host-gw");
        assertThat(Backends.parse("vxlan,udp,host-gw")).containsExactly("vxlan", "udp", "host-gw");
    }

    @Test
    void refusesAnUnknownBackendListingTheValidOnes() {
        assertThatThrownBy(() -> Backends.parse("vxlan,geneve"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown backend geneve")
                .hasMessageContaining("the valid ones are vxlan, udp, host-gw");
        assertThatThrownBy(() -> Backends.parse(" , ")).hasMessageContaining("declares no backend");
    }

    @Test
    void aScenarioAppliesOnlyIfAllItsBackendsAreDeclared() {
        Set<String> vxlan = Set.of("vxlan");
        assertThat(Backends.notApplicable(List.of("@vxlan", "@must"), vxlan)).isEmpty();
        assertThat(Backends.notApplicable(List.of("@must"), vxlan))
                .as("no backend tag: applies")
                .isEmpty();
        assertThat(Backends.notApplicable(List.of("@udp"), vxlan)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("not applicable: needs backend udp; declared: vxlan"));
        assertThat(Backends.notApplicable(List.of("@host-gw", "@vxlan", "@two-networks"), vxlan))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("not applicable: needs backend host-gw;"));
        assertThat(Backends.notApplicable(List.of("@host-gw", "@udp"), vxlan))
                .hasValueSatisfying(
                        reason -> assertThat(reason).startsWith("not applicable: needs backends udp, host-gw;"));
    }

    @Test
    void theReasonANotApplicableScenarioGivesIsToldApartFromOtherSkips() {
        String reason = Backends.notApplicable(List.of("@udp"), Set.of("vxlan")).orElseThrow();

        assertThat(Backends.saysNotApplicable(reason)).isTrue();
        assertThat(Backends.saysNotApplicable("skipped: an assumption failed")).isFalse();
        assertThat(Backends.saysNotApplicable(null)).isFalse();
    }
}
