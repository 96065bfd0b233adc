package org.flannel.harness.contracts.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequirementTagsTest {

    @Test
    void readsTheIdLevelAndBackends() {
        RequirementTags tags = RequirementTags.parse(List.of("@vxlan", "@R-VXLAN-FDB-01", "@must"));
        assertThat(tags.id()).hasValue("R-VXLAN-FDB-01");
        assertThat(tags.level()).isEqualTo(Level.MUST);
        assertThat(tags.backends()).containsExactly("vxlan");
        assertThat(tags.problems()).isEmpty();
    }

    @Test
    void theIdFollowsThePattern() {
        assertThat(RequirementTags.parse(List.of("@R-A-01")).id()).hasValue("R-A-01");
        assertThat(RequirementTags.parse(List.of("@R-HOSTGW-ROUTE2-10")).id()).hasValue("R-HOSTGW-ROUTE2-10");
        for (String bad : List.of("@R-vxlan-01", "@R-VXLAN-1", "@R-VXLAN-001", "@R-01", "@R-VXLAN_FDB-01")) {
            RequirementTags tags = RequirementTags.parse(List.of(bad, "@should"));
            assertThat(tags.id()).as(bad).isEmpty();
            assertThat(tags.idOrNone()).isEqualTo("(none)");
            assertThat(tags.problems()).as(bad).singleElement().asString().contains("malformed requirement tag " + bad);
        }
    }

    @Test
    void withoutTagsItIsUntaggedWithNoId() {
        RequirementTags tags = RequirementTags.parse(List.of("@udp"));
        assertThat(tags.idOrNone()).isEqualTo("(none)");
        assertThat(tags.level()).isEqualTo(Level.UNTAGGED);
        assertThat(tags.problems()).isEmpty();
    }

    @Test
    void twoLevelsAreJudgedAtTheStrictestAndWarnedAbout() {
        RequirementTags tags = RequirementTags.parse(List.of("@may", "@R-A-01", "@should"));
        assertThat(tags.level()).isEqualTo(Level.SHOULD);
        assertThat(tags.problems()).singleElement().asString().contains("more than one level tag");
    }

    @Test
    void onlyMustAndUntaggedFailTheBuildUnlessStrict() {
        assertThat(Level.MUST.failsTheBuild(false)).isTrue();
        assertThat(Level.UNTAGGED.failsTheBuild(false)).isTrue();
        assertThat(Level.SHOULD.failsTheBuild(false)).isFalse();
        assertThat(Level.SHOULD.failsTheBuild(true)).isTrue();
        assertThat(Level.MAY.failsTheBuild(true)).isFalse();
    }
}
